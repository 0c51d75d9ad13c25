-- The incidents without a district, alone: serve's fill of districts at start
-- (incidents.FillDistricts) reads these pages through it instead of walking
-- the whole table each start. Rows placed in no district stay in it, a few;
-- rows given one leave it.
CREATE INDEX incidents_no_district ON incidents (id) WHERE admin2_pcode = '';
