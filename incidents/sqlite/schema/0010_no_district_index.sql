-- The incidents without a district, alone: serve's fill of districts at start
-- (incidents.FillDistricts) reads these pages through it instead of walking
-- the whole table each start (1.5 s at 1,000,000 on a cold disk, 0.3 s so).
-- Rows placed in no district stay in it, a few; rows given one leave it.
CREATE INDEX incidents_no_district ON incidents (id) WHERE admin2_pcode = '';
