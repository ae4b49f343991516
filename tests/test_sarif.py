import json
from pathlib import Path

import jsonschema
from conftest import SEEDS, FakeJudge

from checker.config import CheckConfig
from checker.pipeline import check
from checker.report.sarif import sarif_dict

SCHEMA = Path(__file__).resolve().parent / "schemas" / "sarif-2.1.0-rtm.5.json"


def test_sarif_output_validates_against_the_sarif_2_1_0_schema():
    report = check([SEEDS], CheckConfig(cache=False), judge=FakeJudge())
    document = sarif_dict(report)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(document)
    results = document["runs"][0]["results"]
    assert len(results) == report.count("contradiction") > 0
    rule_ids = {rule["id"] for rule in document["runs"][0]["tool"]["driver"]["rules"]}
    assert all(result["ruleId"] in rule_ids for result in results)
    for result in results:
        for location in result["locations"]:
            uri = location["physicalLocation"]["artifactLocation"]["uri"]
            assert uri.startswith("seeds/") or uri.startswith("file:")
