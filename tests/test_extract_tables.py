"""Before/after tables (a 改革前 column and a 改革后 column): ftzdata.extract.claims reads their rows."""

from __future__ import annotations

import pytest

from ftzdata.extract import claims
from ftzdata.extract.units import UNITS

TAB_TABLE = "表2 改革前后对比\n指标\t改革前\t改革后\n进口整体通关时间（小时）\t48.5\t12\n申报数据项（项）\t105\t10\n备注\t无\t无"
MD_TABLE = ("| 序号 | 改革事项 | 改革前 | 改革后 |\n|---|---|---|---|\n"
            "| 1 | 外籍人员工作许可办理时限 | 20个工作日 | 5个工作日 |")
HEADER_UNIT = "事项\t改革前（天）\t改革后（天）\t压缩比例\n社会投资项目施工许可\t45\t15\t66.7%"


def _rows(text: str) -> list[list[str]]:
    return [line.split("\t") for line in text.splitlines()]


def test_tab_table_rows_with_units_in_the_row_label():
    got = claims(TAB_TABLE)
    rows = _rows(TAB_TABLE)
    assert len(got) == 2  # the 备注 row has no values
    hours, items = got.iloc[0], got.iloc[1]
    assert (hours["before_low"], hours["after_low"]) == (float(rows[2][1]), float(rows[2][2]))
    assert hours["unit"] == "h" and hours["kind"] == "duration" and hours["direction"] == "decrease"
    assert (items["before_low"], items["after_low"]) == (float(rows[3][1]), float(rows[3][2]))
    assert items["unit"] == "count:项"
    for _, c in got.iterrows():
        assert TAB_TABLE[c["start"]:c["end"]] == c["quote"]
        assert c["quote"].startswith(("进口", "申报"))


def test_markdown_table_with_units_in_the_cells():
    got = claims(MD_TABLE)
    assert len(got) == 1
    c = got.iloc[0]
    day = UNITS["工作日"].factor
    assert (c["before_low"], c["after_low"]) == (20 * day, 5 * day)
    assert "working days" in c["qualifier"]
    assert MD_TABLE[c["start"]:c["end"]] == c["quote"] and "外籍人员" in c["quote"]


def test_unit_from_the_column_header():
    c = claims(HEADER_UNIT).iloc[0]
    day = UNITS["天"].factor
    assert (c["before_low"], c["after_low"], c["unit"]) == (45 * day, 15 * day, "h")


@pytest.mark.parametrize("text", [
    "指标\t2021年\t2022年\n通关时间（小时）\t48\t12",  # no 改革前/改革后 columns: years are not a before/after
    "指标\t改革前\t改革后\n通关时间（小时）\t12\t12",  # nothing changed
    "指标\t改革前\t改革后\n通关效率\t48\t12",  # no unit anywhere
    "序号\t案例名称\t牵头单位\n1\t通关一体化\t海关",  # an ordinary list table
])
def test_tables_that_state_no_change(text):
    assert claims(text).empty
