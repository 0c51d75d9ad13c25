"""Real OGC API - Features clients against a real mapsrv server.

GDAL's OAPIF driver (ogrinfo) and OWSLib's Features client read the incidents
the way QGIS users and Python scripts do. The server runs from the binary in
MAPSRV_BIN (default ../bin/mapsrv) on a free loopback port with a fresh
database, so it starts from the seed incidents.
"""
import json
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
import unittest
import urllib.request

BIN = os.environ.get("MAPSRV_BIN", os.path.join(os.path.dirname(__file__), "..", "bin", "mapsrv"))
server = None
server_log = None
base = None
tmpdir = None


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def setUpModule():
    global server, server_log, base, tmpdir
    tmpdir = tempfile.mkdtemp(prefix="mapsrv-clients-")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server_log = open(os.path.join(tmpdir, "server.log"), "w")
    server = subprocess.Popen([BIN, "serve", "--addr", f"127.0.0.1:{port}", "--db", os.path.join(tmpdir, "t.db")],
                              stdout=server_log, stderr=server_log)
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/healthz", timeout=1)
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("mapsrv did not start; see " + server_log.name)


def tearDownModule():
    server.terminate()
    server.wait(timeout=10)
    server_log.close()
    shutil.rmtree(tmpdir, ignore_errors=True)


def access_log(path, since=0):
    """The query strings of the access log's requests to path, from line since on."""
    time.sleep(0.5)  # the server writes its access log in batches
    with open(os.path.join(tmpdir, "server.log")) as f:
        lines = f.readlines()[since:]
    return [r.get("query", "") for r in map(json.loads, filter(lambda s: s.startswith("{"), lines))
            if r.get("msg") == "request" and r.get("path") == path]


def log_length():
    time.sleep(0.5)
    with open(os.path.join(tmpdir, "server.log")) as f:
        return len(f.readlines())


def api_items(query=""):
    """All items for a query, read straight from the API (limit above the total)."""
    with urllib.request.urlopen(f"{base}/api/collections/incidents/items?limit=10000{query}") as r:
        return json.load(r)["features"]


def ogrinfo(*args):
    out = subprocess.run(["ogrinfo", "-ro", "-al", "-q", f"OAPIF:{base}/api", "incidents", *args],
                         capture_output=True, text=True, timeout=60)
    if out.returncode != 0:
        raise AssertionError(out.stderr)
    return out.stdout


def fids(text):
    return sorted(int(m) for m in re.findall(r"^OGRFeature\(incidents\):(\d+)", text, re.M))


class GDAL(unittest.TestCase):
    def test_lists_collections(self):
        out = subprocess.run(["ogrinfo", "-ro", f"OAPIF:{base}/api"], capture_output=True, text=True, timeout=60).stdout
        self.assertRegex(out, r"incidents \(title: Security incidents\) \(Point\)")

    def test_reads_every_feature_with_paging(self):
        want = sorted(f["id"] for f in api_items())
        self.assertGreaterEqual(len(want), 9)
        got = fids(ogrinfo("-oo", "PAGE_SIZE=2"))  # five pages by the next links
        self.assertEqual(got, want)

    def test_spatial_filter(self):
        box = (36.3, 35.6, 37.0, 36.4)
        want = sorted(f["id"] for f in api_items("&bbox=%g,%g,%g,%g" % box))
        self.assertTrue(0 < len(want) < len(api_items()))
        self.assertEqual(fids(ogrinfo("-spat", *map(str, box))), want)

    def test_attribute_filter(self):
        want = sorted(f["id"] for f in api_items("&incident_type=arrest"))
        self.assertTrue(0 < len(want) < len(api_items()))
        self.assertEqual(fids(ogrinfo("-where", "incident_type = 'arrest'")), want)

    def test_where_is_answered_by_the_server(self):
        # GDAL sends the whole -where as a CQL filter (the service declares
        # Part 3: filter-lang in its OpenAPI document, the queryables), so
        # the server answers it rather than GDAL filtering every feature.
        want = sorted(f["id"] for f in api_items()
                      if f["properties"]["incident_type"] == "arrest" and (f["properties"]["killed"] or 0) > 0)
        self.assertTrue(want)
        start = log_length()
        self.assertEqual(fids(ogrinfo("-where", "incident_type = 'arrest' AND killed > 0")), want)
        sent = [q for q in access_log("/api/collections/incidents/items", start) if "filter=" in q]
        self.assertTrue(any("incident_type = 'arrest'" in q and "killed > 0" in q for q in sent), sent)

    def test_where_on_dates_and_text(self):
        feats = api_items()
        for where, keep in [
            ("date_from >= '2025-12-01'", lambda p: p["date_from"] >= "2025-12-01"),
            ("place_name_en LIKE 'Sar%'", lambda p: p["place_name_en"].startswith("Sar")),
            ("injured IS NULL AND killed BETWEEN 1 AND 30", lambda p: p["injured"] is None and 1 <= (p["killed"] or 0) <= 30),
        ]:
            start = log_length()
            want = sorted(f["id"] for f in feats if keep(f["properties"]))
            self.assertEqual(fids(ogrinfo("-where", where)), want, where)
            self.assertTrue(any("filter=" in q for q in access_log("/api/collections/incidents/items", start)), where)

    def test_fields(self):
        out = ogrinfo("-where", "incident_type = 'bombing'")
        self.assertIn("killed (Integer) = 22", out)
        self.assertIn("injured (Integer) = (null)", out)
        self.assertIn("date_from (Date) = 2025/06/22", out)

    def test_field_types_from_the_schema(self):
        # injured and arrested are null in every seed incident: only the
        # describedby schema can tell GDAL they are integers.
        out = subprocess.run(["ogrinfo", "-ro", "-so", f"OAPIF:{base}/api", "incidents"],
                             capture_output=True, text=True, timeout=60).stdout
        self.assertEqual(field_types(out), WANT_TYPES)

    def test_geopackage_keeps_the_types(self):
        gpkg = os.path.join(tmpdir, "incidents.gpkg")
        subprocess.run(["ogr2ogr", "-f", "GPKG", gpkg, f"OAPIF:{base}/api", "incidents"],
                       check=True, capture_output=True, timeout=60)
        out = subprocess.run(["ogrinfo", "-ro", "-so", gpkg, "incidents"],
                             capture_output=True, text=True, timeout=60).stdout
        self.assertEqual(field_types(out), WANT_TYPES)
        rows = subprocess.run(["ogrinfo", "-ro", "-q", gpkg, "-sql",
                               "SELECT count(*) AS n, sum(killed) AS k, min(date_from) AS d FROM incidents WHERE injured IS NULL"],
                              capture_output=True, text=True, timeout=60).stdout
        feats = api_items()
        self.assertIn("n (Integer) = %d" % len(feats), rows)
        self.assertIn("k (Integer) = %d" % sum(f["properties"]["killed"] or 0 for f in feats), rows)
        self.assertIn("d (String) = " + min(f["properties"]["date_from"] for f in feats), rows)


# What each property should arrive as in GDAL, per the schema's types.
WANT_TYPES = {
    "incident_type": "String", "date_from": "Date", "date_to": "Date", "date_precision": "String",
    "place_name_ar": "String", "place_name_en": "String", "admin1_pcode": "String", "admin1_name": "String", "admin2_pcode": "String",
    "geo_precision": "String", "killed": "Integer", "injured": "Integer", "arrested": "Integer",
    "summary_ar": "String", "summary_en": "String", "sources": "String", "status": "String",
    "created_at": "DateTime", "updated_at": "DateTime",
}


def field_types(ogrinfo_so):
    """The field: Type lines of ogrinfo -so, as a dict."""
    return dict(re.findall(r"^(\w+): (\w+) \(", ogrinfo_so, re.M))


class OWSLib(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        from owslib.ogcapi.features import Features
        cls.api = Features(base + "/api")

    def test_conformance(self):
        classes = self.api.conformance()["conformsTo"]
        self.assertIn("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core", classes)
        self.assertIn("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson", classes)

    def test_collections(self):
        self.assertIn("incidents", self.api.feature_collections())
        meta = self.api.collection("incidents")
        self.assertEqual(meta["id"], "incidents")
        self.assertEqual(len(meta["extent"]["spatial"]["bbox"][0]), 4)

    def test_items_bbox(self):
        got = self.api.collection_items("incidents", bbox=[36.3, 35.6, 37.0, 36.4], limit=100)
        for f in got["features"]:
            lon, lat = f["geometry"]["coordinates"]
            self.assertTrue(36.3 <= lon <= 37.0 and 35.6 <= lat <= 36.4, f)
        self.assertEqual(got["numberReturned"], len(api_items("&bbox=36.3,35.6,37.0,36.4")))

    def test_items_datetime(self):
        got = self.api.collection_items("incidents", datetime="2025-11-24/2025-11-27", limit=100)
        want = [f for f in api_items() if f["properties"]["date_to"] >= "2025-11-24" and f["properties"]["date_from"] <= "2025-11-27"]
        self.assertEqual(sorted(f["id"] for f in got["features"]), sorted(f["id"] for f in want))
        self.assertTrue(want)

    def test_items_filter(self):
        classes = self.api.conformance()["conformsTo"]
        self.assertIn("http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter", classes)
        got = self.api.collection_items("incidents", filter="incident_type = 'arrest' AND killed > 0", limit=100)
        want = [f for f in api_items() if f["properties"]["incident_type"] == "arrest" and (f["properties"]["killed"] or 0) > 0]
        self.assertEqual(sorted(f["id"] for f in got["features"]), sorted(f["id"] for f in want))
        self.assertTrue(want)
        box = self.api.collection_items("incidents", limit=100, **{
            "filter": '{"op":"s_intersects","args":[{"property":"geometry"},{"bbox":[36.3,35.6,37.0,36.4]}]}',
            "filter-lang": "cql2-json"})
        self.assertEqual(sorted(f["id"] for f in box["features"]),
                         sorted(f["id"] for f in api_items("&bbox=36.3,35.6,37.0,36.4")))
        with self.assertRaises(RuntimeError) as bad:
            self.api.collection_items("incidents", filter="killed >")
        self.assertIn("at character 9", str(bad.exception))

    def test_queryables(self):
        with urllib.request.urlopen(f"{base}/api/collections/incidents/queryables") as r:
            q = json.load(r)
        self.assertEqual(q["properties"]["killed"]["type"], "integer")
        self.assertIn("geometry", q["properties"])

    def test_items_limit(self):
        got = self.api.collection_items("incidents", limit=3)
        self.assertEqual(len(got["features"]), 3)
        self.assertIn("next", [link["rel"] for link in got["links"]])


if __name__ == "__main__":
    unittest.main()
