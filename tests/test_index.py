"""The index groups reports by kind of report, then language; zones and kinds in the vocabulary's order."""

import json
import re

from ftzdata.report.index import write_index
from ftzdata.report.params import default_set, report_name


def test_index_groups_by_kind_then_language(tmp_path):
    (tmp_path / ".state").mkdir()
    jobs = default_set("zh") + default_set("en")  # written in the "wrong" order on purpose
    for nb, params in reversed(jobs):
        name = report_name(nb, params)
        (tmp_path / f"{name}.pdf").write_bytes(b"%PDF")
        state = {"name": name, "notebook": nb, "params": params, "files": {"pdf": f"{name}.pdf"}}
        (tmp_path / ".state" / f"{name}.json").write_text(json.dumps(state), encoding="utf-8")
    page = write_index(tmp_path).read_text(encoding="utf-8")
    groups = re.findall(r'<tr class="group"><th colspan="7">(.*?)</th>', page)
    assert [g.split(" — ")[1] for g in groups] == ["English", "中文 (Chinese)"] * 3
    assert [g.split(" — ")[0] for g in groups][::2] == ["Reform cases of the Pilot Free Trade Zones: overview",
                                                         "Zone profile", "Metric comparison"]
    names = re.findall(r"<strong>([\w-]+)</strong>", page)
    assert names[:6] == ["overview", "overview-zh", "zone_profile-Shanghai", "zone_profile-Guangdong",
                         "zone_profile-Tianjin", "zone_profile-Fujian"]
    assert names.index("metric_comparison-duration") < names.index("metric_comparison-ratio")
