"""``ftzdata review DOC_ID``: pending claims listed with values in words; accept / reject / set round trips that
``metrics()`` then shows; refusals that write nothing; hand edits validated; ``status`` counts."""

from __future__ import annotations

import csv
import hashlib

import pytest

import ftzdata
from ftzdata import Corpus
from ftzdata.add import add_files
from ftzdata.cli import main
from ftzdata.corpus_admin import init_corpus, status
from ftzdata.plot import labels as L
from ftzdata.review import read_review

TEXT = ("海南自由贸易港制度创新案例\n一、国际贸易“单一窗口”\n船舶进出境通关时间由36小时缩短至2.5小时。\n"
        "二、企业开办\n新设企业开办时间从5天减至1天，申请材料减少6项。\n海南省人民政府\n")


@pytest.fixture
def doc(tmp_path):
    """A corpus with one document added by ``ftzdata add``: (corpus folder, doc_id, sidecar path)."""
    root = init_corpus(tmp_path / "corpus")
    src = tmp_path / "hainan.txt"
    src.write_bytes(TEXT.encode("gb18030"))
    (added,) = add_files(root, [src])
    return root, added.doc_id, root / f"{added.doc_id}.review.csv"


def rows(path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def review(root, doc_id, *args) -> int:
    return main(["review", doc_id, "--corpus", str(root), *args])


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_listing_shows_each_pending_claim_with_its_values_in_words(doc, capsys):
    root, doc_id, path = doc
    assert review(root, doc_id) == 0
    out = capsys.readouterr().out
    pending = ftzdata.metrics(corpus=Corpus(root), review="all")
    assert len(pending) == len(rows(path)) >= 3
    for r in rows(path):
        assert f"{r['id']}  pending" in out
        assert f"“{r['quote']}” [{r['start']}:{r['end']}]" in out
        assert TEXT[int(r["start"]):int(r["end"])] == r["quote"]
    for _, m in pending.iterrows():
        assert L.fmt_claim(m, "en") in out          # 36 h → 2.5 h, as every table of the reports writes it
    assert "to accept, set: metric, label_en" in out


def test_accept_needs_metric_and_labels_and_says_how_to_set_them(doc, capsys):
    root, doc_id, path = doc
    before = sha(path)
    assert review(root, doc_id, "--accept", "c001") == 2
    err = capsys.readouterr().err
    assert "c001: cannot accept, metric (now the placeholder duration_at_" in err
    assert f"ftzdata review {doc_id} --corpus {root} --set c001 metric=customs_clearance_time " \
           'label_en="Customs clearance time" --accept c001' in err
    assert sha(path) == before
    with pytest.warns(ftzdata.errors.FtzDataWarning, match="await review"):
        assert ftzdata.metrics(corpus=Corpus(root)).empty


def test_set_and_accept_then_metrics_shows_the_claim(doc, capsys):
    root, doc_id, path = doc
    pending = ftzdata.metrics(corpus=Corpus(root), review="all").sort_values("start")
    first = pending.iloc[0]
    assert review(root, doc_id, "--set", "c001", "metric=vessel_clearance_time",
                  "label_en=Clearance time of a vessel", "note=in and out of port", "--accept", "c001") == 0
    assert "accepted c001" in capsys.readouterr().out
    m = ftzdata.metrics(corpus=Corpus(root))
    assert m["metric"].tolist() == ["vessel_clearance_time"]
    got = m.iloc[0]
    assert got["label_en"] == "Clearance time of a vessel" and got["note"] == "in and out of port"
    assert (got["quote"], got["start"], got["end"]) == (first["quote"], first["start"], first["end"])
    assert (got["before"], got["after"]) == (first["before"], first["after"])
    assert ftzdata.document_text(doc_id, Corpus(root))[got["start"]:got["end"]] == got["quote"]



def test_reject_needs_a_reason_and_removes_the_claim_from_all(doc, capsys):
    root, doc_id, path = doc
    before = sha(path)
    assert review(root, doc_id, "--reject", "c002") == 2
    assert "--reject needs --reason TEXT" in capsys.readouterr().err and sha(path) == before
    quote = rows(path)[1]["quote"]
    assert review(root, doc_id, "--reject", "c002", "--reason", "a target, not a result") == 0
    r = rows(path)[1]
    assert (r["status"], r["reason"]) == ("rejected", "a target, not a result")
    assert quote not in ftzdata.metrics(corpus=Corpus(root), review="all")["quote"].tolist()


def test_a_corrected_value_needs_a_reason_and_is_applied(doc, capsys):
    root, doc_id, path = doc
    before = sha(path)
    assert review(root, doc_id, "--set", "c001", "after=3") == 2
    assert "--set c001 after: a corrected value needs --reason TEXT" in capsys.readouterr().err
    assert sha(path) == before
    assert review(root, doc_id, "--set", "c001", "after=3", "metric=vessel_clearance_time", "label_en=Vessel clearance",
                  "--reason", "the notice's table says 3 hours", "--accept", "c001") == 0
    r = rows(path)[0]
    assert r["corrections"] == "after_low=3; after_high=3" and r["reason"] == "the notice's table says 3 hours"
    got = ftzdata.metrics(corpus=Corpus(root)).iloc[0]
    assert got["after"] == 3 and got["before"] == 36 and got["change"] == 3 - 36


@pytest.mark.parametrize("args, message", [
    (["--accept", "c001", "c404"], "unknown claim id c404 in {doc}'s review; its ids: c001, c002"),
    (["--set", "c001", "kind=speed"], "kind='speed'; allowed: duration, count, money, ratio, area"),
    (["--set", "c001", "case_id=nope-01"], "case_id='nope-01' is not a case of {doc}; its cases: {doc}-01"),
    (["--set", "c001", "colour=red"], "cannot set 'colour'; allowed: metric, label_en"),
    (["--set", "c001", "metric"], "expected FIELD=VALUE"),
    (["--set", "c001", "metric=Vessel Time", "label_en=x", "--accept", "c001"], "column metric: 'Vessel Time' is not snake_case"),
    (["--set", "c001", "after=soon", "--reason", "r"], "after='soon' is not a number"),
    (["--accept", "c001", "--reject", "c001", "--reason", "r"], "c001: both --accept and --reject"),
])
def test_bad_decisions_are_one_clear_error_and_nothing_is_written(doc, capsys, args, message):
    root, doc_id, path = doc
    before = sha(path)
    assert review(root, doc_id, *args) == 2
    err = capsys.readouterr().err
    assert message.format(doc=doc_id) in err and "Traceback" not in err
    assert sha(path) == before


def test_unknown_document(doc, capsys):
    root, doc_id, _ = doc
    assert review(root, "no-such-doc") == 2
    assert f"unknown doc_id 'no-such-doc'; allowed: {doc_id}" in capsys.readouterr().err


def test_hand_edits_are_valid_and_a_bad_one_is_named_by_file_line_and_column(doc, capsys):
    root, doc_id, path = doc
    data = rows(path)
    data[0].update(status="accepted", metric="vessel_clearance_time", label_en="Vessel clearance time")
    data[1].update(status="acepted")

    def write(data):
        with open(path, "w", encoding="utf-8-sig", newline="") as f:
            w = csv.DictWriter(f, list(data[0]), lineterminator="\r\n")  # as Excel saves it
            w.writeheader()
            w.writerows(data)

    write(data)
    assert review(root, doc_id) == 2
    assert f"{path}, line 3, column status: 'acepted' is not allowed" in capsys.readouterr().err
    data[1].update(status="pending")
    write(data)
    assert review(root, doc_id, "--all") == 0
    assert "c001  accepted" in capsys.readouterr().out
    assert ftzdata.metrics(corpus=Corpus(root))["metric"].tolist() == ["vessel_clearance_time"]


def test_sync_keeps_decisions_and_adds_claims_again(doc, capsys):
    root, doc_id, path = doc
    assert review(root, doc_id, "--reject", "c003", "--reason", "an input count") == 0
    data = rows(path)
    dropped = data.pop(1)                       # a pending row deleted by hand
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.DictWriter(f, list(data[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(data)
    assert review(root, doc_id) == 0
    assert "1 more claim(s) found that the review file does not list" in capsys.readouterr().out
    assert review(root, doc_id, "--sync") == 0
    assert "1 claim(s) added as pending" in capsys.readouterr().out
    after = read_review(Corpus(root), doc_id)
    assert dropped["quote"] in after["quote"].tolist()
    assert after.loc[after["id"] == "c003", "status"].item() == "rejected"


def test_status_counts_what_the_review_says(doc, capsys):
    root, doc_id, path = doc
    assert review(root, doc_id, "--set", "c001", "metric=vessel_clearance_time", "label_en=Vessel clearance",
                  "--accept", "c001") == 0
    assert review(root, doc_id, "--reject", "c002", "--reason", "not an effect") == 0
    s = status(Corpus(root)).set_index("doc_id").loc[doc_id]
    n = len(rows(path))
    assert (s["accepted"], s["rejected"], s["pending"], s["claims"]) == (1, 1, n - 2, n)
    assert s["cases"] == len(ftzdata.cases(Corpus(root)))
    assert s["structure"] == ftzdata.documents(Corpus(root))["structure"].item()
    row = ftzdata.documents(Corpus(root)).iloc[0]
    empty = [f for f in ("title_zh", "issuer", "date", "zone") if not isinstance(row[f], str)]
    assert "date" in empty and s["missing_metadata"] == ", ".join(empty)  # the text has no date line
    capsys.readouterr()
    assert main(["status", "--corpus", str(root)]) == 0
    out = capsys.readouterr().out
    assert doc_id in out and "missing_metadata" in out
