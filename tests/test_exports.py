"""Exports: CSV, Parquet, Stata, Excel and datapackage.json, byte-identical across runs, written atomically."""

import csv
import json
import os

import pandas as pd
import pytest

import ftzdata
from ftzdata import build
from ftzdata.atomic import atomic_write_bytes


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    d = tmp_path_factory.mktemp("data")
    build.write_data(d)
    return d


def test_every_table_in_every_format(out):
    for name in ("metrics", "cases", "documents", "summaries", "consistency", "zones"):
        assert (out / f"{name}.csv").is_file() and (out / f"{name}.parquet").is_file()
    for name in ("metrics", "cases", "documents"):
        dta = pd.read_stata(out / f"{name}.dta")
        assert len(dta) == len(pd.read_csv(out / f"{name}.csv"))
    sheets = pd.read_excel(out / "ftzdata.xlsx", sheet_name=None)
    assert set(sheets) == {"metrics", "cases", "documents", "summaries", "consistency", "zones"}
    assert len(sheets["metrics"]) == len(ftzdata.metrics())


def test_csv_is_plain_utf8_with_iso_dates(out):
    raw = (out / "metrics.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and b"\r\n" not in raw
    df = pd.read_csv(out / "metrics.csv")
    assert df["published"].str.fullmatch(r"\d{4}-\d{2}-\d{2}").all()
    assert list(df.columns) == list(ftzdata.metrics().columns)
    cases = pd.read_csv(out / "cases.csv")
    assert cases["lead_units"].dropna().str.contains("; ").any()


def test_parquet_round_trips(out):
    back = pd.read_parquet(out / "metrics.parquet")
    m = ftzdata.metrics()
    assert list(back.columns) == list(m.columns)
    pd.testing.assert_series_equal(back["change"], m["change"], check_names=False)


def test_datapackage_describes_every_field(out):
    pkg = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert {r["name"] for r in pkg["resources"]} == {"metrics", "cases", "documents", "summaries", "consistency", "zones"}
    for res in pkg["resources"]:
        header = next(csv.reader(open(out / res["path"], encoding="utf-8")))
        assert [f["name"] for f in res["schema"]["fields"]] == header
        assert all(f["description"] for f in res["schema"]["fields"]), res["name"]
    fields = {f["name"]: f for f in pkg["resources"][0]["schema"]["fields"]}
    assert "h" in fields["before"]["unit"] and fields["change_pct"]["unit"] == "percent"


def test_outputs_are_byte_identical_across_runs(out, tmp_path):
    build.write_data(tmp_path)
    for path in sorted(out.iterdir()):
        assert path.read_bytes() == (tmp_path / path.name).read_bytes(), path.name


def test_a_failed_write_keeps_the_previous_file(tmp_path, monkeypatch):
    target = tmp_path / "metrics.csv"
    target.write_bytes(b"good")

    def boom(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"good"
    assert [p.name for p in tmp_path.iterdir()] == ["metrics.csv"]


def test_the_main_command_reports_a_broken_document(tmp_path, monkeypatch, capsys):
    def broken(*args, **kwargs):
        raise ftzdata.DocumentError("seeds/x.txt: the file is empty")

    monkeypatch.setattr(build, "tables", broken)
    assert build.main(["--out", str(tmp_path)]) == 2
    assert "seeds/x.txt: the file is empty" in capsys.readouterr().err
    assert not any(tmp_path.iterdir())


def test_an_unchanged_build_is_skipped_and_a_changed_review_rebuilds(seeds_copy, tmp_path):
    out = tmp_path / "data"
    assert build.write_data(out, seeds_copy)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    assert build.write_data(out, seeds_copy) == []  # same package, same corpus files: nothing rewritten
    review = seeds_copy / "mofcom-2015-best-practices.review.csv"
    review.write_bytes(review.read_bytes().replace(b"Clearance steps a trader goes through",
                                                   b"Clearance steps a trader must go through"))
    assert build.write_data(out, seeds_copy)
    assert (out / "metrics.csv").read_bytes() != before["metrics.csv"]
    assert b"Clearance steps a trader must go through" in (out / "metrics.csv").read_bytes()
    assert build.write_data(out, seeds_copy, force=True)  # --force rebuilds
