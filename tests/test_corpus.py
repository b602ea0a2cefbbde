"""The seeds corpus: manifest, verified reads, clear errors for bad files."""

import csv
import hashlib

import pandas as pd
import pytest

import ftzdata
from ftzdata import Corpus, DocumentError, UnknownValueError
from conftest import ROOT, SEEDS, register_sha

SHARED = ROOT.parent / "shared" / "seeds"


def manifest_rows():
    return list(csv.DictReader(open(SEEDS / "manifest.csv", encoding="utf-8")))


def test_documents_table_matches_files():
    docs = ftzdata.documents()
    assert list(docs["doc_id"]) == [r["doc_id"] for r in manifest_rows()]
    for col in ["doc_id", "title_zh", "title_en", "issuer", "doc_number", "date", "script", "kind", "sha256", "n_chars"]:
        assert col in docs.columns
    for _, row in docs.iterrows():
        data = (SEEDS / row["file"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == row["sha256"]
        assert row["n_chars"] == len(data.decode("utf-8"))
        assert row["file"] == f"{row['doc_id']}.txt"
    assert docs["title_en"].notna().all()
    assert pd.api.types.is_datetime64_any_dtype(docs["published"])


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/seeds not present")
def test_seeds_are_byte_identical_to_the_shared_originals():
    shared = {r["doc_id"]: r["file"] for r in csv.DictReader(open(SHARED / "manifest.csv", encoding="utf-8"))}
    for row in manifest_rows():
        assert row["source_file"] == shared[row["doc_id"]]
        assert (SEEDS / row["file"]).read_bytes() == (SHARED / row["source_file"]).read_bytes()


def test_document_text_is_the_original():
    for row in manifest_rows():
        assert ftzdata.document_text(row["doc_id"]) == (SEEDS / row["file"]).read_text(encoding="utf-8")


def test_unknown_doc_id_lists_the_known_ones():
    with pytest.raises(UnknownValueError) as err:
        ftzdata.document_text("mofcom-2016")
    msg = str(err.value)
    assert "mofcom-2016" in msg
    for row in manifest_rows():
        assert row["doc_id"] in msg


def test_invalid_utf8_is_refused_naming_the_file(seeds_copy):
    path = seeds_copy / "mofcom-2017-best-practices.txt"
    raw = path.read_bytes()
    cut = raw.index(b"\n", 200) + 1  # at a line start, so the bad bytes are exactly where we put them
    data = raw[:cut] + b"\xff\xfe" + raw[cut:]
    path.write_bytes(data)
    register_sha(seeds_copy, "mofcom-2017-best-practices")  # only the encoding is wrong
    with pytest.raises(DocumentError, match=r"mofcom-2017-best-practices\.txt: not valid UTF-8 \(byte \d+: b'\\xff\\xfe"):
        Corpus(seeds_copy).text("mofcom-2017-best-practices")


def test_empty_file_is_refused_naming_the_file(seeds_copy):
    (seeds_copy / "tianjin-2021-replicable-experiences.txt").write_bytes(b"")
    with pytest.raises(DocumentError, match=r"tianjin-2021-replicable-experiences\.txt: the file is empty"):
        Corpus(seeds_copy).text("tianjin-2021-replicable-experiences")


def test_tampered_file_is_refused_naming_the_file(seeds_copy):
    path = seeds_copy / "mofcom-2015-best-practices.txt"
    text = path.read_text(encoding="utf-8")
    assert "缩短至8天" in text
    path.write_text(text.replace("缩短至8天", "缩短至3天"), encoding="utf-8")
    with pytest.raises(DocumentError, match=r"mofcom-2015-best-practices\.txt: sha256 .* differs from the manifest"):
        Corpus(seeds_copy).text("mofcom-2015-best-practices")


def test_missing_file_and_manifest_are_refused(seeds_copy, tmp_path):
    (seeds_copy / "textbook-12-best-practices.txt").unlink()
    with pytest.raises(DocumentError, match=r"textbook-12-best-practices\.txt: file not found"):
        Corpus(seeds_copy).text("textbook-12-best-practices")
    (seeds_copy / "textbook-12-best-practices.txt").mkdir()  # a folder where the text should be
    with pytest.raises(DocumentError, match=r"textbook-12-best-practices\.txt: is a folder, not a document file"):
        Corpus(seeds_copy).text("textbook-12-best-practices")
    with pytest.raises(DocumentError, match="nowhere: corpus folder not found"):
        Corpus(tmp_path / "nowhere")
    (tmp_path / "empty").mkdir()
    with pytest.raises(DocumentError, match="manifest.csv: manifest not found"):
        Corpus(tmp_path / "empty")


def test_a_damaged_document_stops_the_case_registry(seeds_copy):
    (seeds_copy / "mofcom-2017-best-practices.txt").write_bytes(b"")
    with pytest.raises(DocumentError, match="mofcom-2017-best-practices.txt"):
        ftzdata.cases(Corpus(seeds_copy))
