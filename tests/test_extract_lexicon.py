"""The extraction lexicon: one data file (ftzdata/extract/lexicon.yaml) that every extract module reads.

These tests check that it loads, that a broken lexicon is refused with a message naming the file and the
section, that the modules take their words from it (a before/after marker works the same in prose and in
a table header; no word list is left in the code), and that each list lives once.
"""

import ast
import re
from pathlib import Path

import pytest

import ftzdata.extract as fx
from ftzdata.extract import claims, parse_number, quantities
from ftzdata.extract.lexicon import LEX, LEXICON_PATH, LexiconError, load

EXTRACT_DIR = Path(fx.__file__).parent
CJK = re.compile(r"[\u3007\u4e00-\u9fff]")
CJK_RUN = re.compile(r"[\u3007\u4e00-\u9fff]{3,}")
ALTERNATION = re.compile(r"[\u3007\u4e00-\u9fff]+(?:\|[\u3007\u4e00-\u9fff]+){2,}")


def test_lexicon_loads_once_as_the_package_file():
    assert LEXICON_PATH == EXTRACT_DIR / "lexicon.yaml" and LEXICON_PATH.is_file()
    data = load()
    assert data == LEX
    for section in ("change_verbs", "markers", "plan", "qualifiers", "numerals", "units", "per"):
        assert isinstance(LEX[section], dict) and LEX[section], section


def test_a_broken_lexicon_is_refused_with_the_file_and_section(tmp_path):
    text = LEXICON_PATH.read_text(encoding="utf-8")
    broken = tmp_path / "lexicon.yaml"
    broken.write_text(re.sub(r"(?m)^markers:", "markerz:", text), encoding="utf-8")
    with pytest.raises(LexiconError, match=r"lexicon\.yaml.*markers"):
        load(broken)
    broken.write_text("- just a list\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="mapping"):
        load(broken)


def _reads_5_days_to_2(*texts):
    for text in texts:
        got = claims(text)
        assert len(got) == 1, (text, got)
        r = got.iloc[0]
        assert (r.before_low, r.after_low, r.unit) == (5 * 24.0, 2 * 24.0, "h")
        assert text[r.start:r.end] == r.quote


@pytest.mark.parametrize("word", LEX["markers"]["before"])
def test_every_before_marker_works_in_prose_and_in_a_table_header(word):
    _reads_5_days_to_2(f"{word}办理营业执照需要5天，改革后仅需2天。", f"事项\t{word}\t改革后\n办理时间(天)\t5\t2")


@pytest.mark.parametrize("word", LEX["markers"]["after"])
def test_every_after_marker_works_in_prose_and_in_a_table_header(word):
    _reads_5_days_to_2(f"改革前办理营业执照需要5天，{word}仅需2天。", f"事项\t改革前\t{word}\n办理时间(天)\t5\t2")


@pytest.mark.parametrize("word,english", sorted(LEX["qualifiers"]["before_number"].items()))
def test_qualifier_words_are_read_by_quantities_and_skipped_by_parse_number(word, english):
    q = quantities(f"审批时间{word}5天")
    assert len(q) == 1 and english in q.iloc[0].qualifier.split("; ")
    assert parse_number(f"{word}5") == (5.0, 5.0)


@pytest.mark.parametrize("verb", LEX["change_verbs"]["decrease"][:12] + LEX["change_verbs"]["increase"][:6])
def test_change_verbs_give_their_direction(verb):
    got = claims(f"审批时间{verb}了30%。")
    assert len(got) == 1
    want = "decrease" if verb in LEX["change_verbs"]["decrease"] else "increase"
    assert got.iloc[0].direction == want and got.iloc[0].change_pct_low == 30.0


def _code_strings(path: Path) -> list[tuple[int, str]]:
    """String constants of a module that are not docstrings, with their line."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docs.add(id(first.value))
    return [(n.lineno, n.value) for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docs]


def _collections_of_words(path: Path) -> list[int]:
    """Lines of list / tuple / set / dict literals with three or more Chinese string items."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    for n in ast.walk(tree):
        items = n.elts if isinstance(n, (ast.List, ast.Tuple, ast.Set)) else n.keys if isinstance(n, ast.Dict) else []
        words = [e for e in items if isinstance(e, ast.Constant) and isinstance(e.value, str) and CJK.search(e.value)]
        if len(words) >= 3:
            out.append(n.lineno)
    return out


@pytest.mark.parametrize("module", sorted(p.name for p in EXTRACT_DIR.glob("*.py")))
def test_no_word_list_is_left_in_the_code(module):
    """Grammar code keeps at most a one- or two-character word here and there (个月, 一次性's 一);
    a list of words (an alternation, a run of characters, a collection) belongs in the lexicon."""
    path = EXTRACT_DIR / module
    for line, s in _code_strings(path):
        assert not ALTERNATION.search(s), f"{module}:{line}: alternation of words {s!r}"
        assert not CJK_RUN.search(s), f"{module}:{line}: a word list or long word {s!r}"
    assert not _collections_of_words(path), f"{module}: collections of words at lines {_collections_of_words(path)}"


def _lists(node, path=()):
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _lists(v, path + (str(k),))
    elif isinstance(node, list) and len(node) > 1 and all(isinstance(x, str) and CJK.search(x) for x in node):
        yield path, node


def test_each_word_list_lives_once():
    seen = {}
    for path, words in _lists(LEX):
        key = frozenset(words)
        assert key not in seen, f"{'.'.join(path)} repeats {'.'.join(seen.get(key, ()))}"
        seen[key] = path
        assert len(set(words)) == len(words), f"{'.'.join(path)} lists a word twice"


def test_reading_the_lexicon_leaves_the_grammar_unloaded_and_the_public_functions_stay_functions():
    """The reports read labels from the lexicon without compiling the grammar; importing the submodules
    ``claims``/``quantities`` (as code does for their helpers) must not turn the package's functions of
    the same names into modules."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "import ftzdata.extract.lexicon\n"
        "print('ftzdata.extract.claims' in sys.modules, 'ftzdata.extract.quantities' in sys.modules)\n"
        "from ftzdata.extract.claims import CLAIM_COLUMNS\n"
        "import ftzdata.extract.quantities\n"
        "import ftzdata.extract as fx\n"
        "from ftzdata.extract import claims, quantities, extract\n"
        "t = '审批时间由5天压缩至2天'\n"
        "print(callable(fx.claims), callable(fx.quantities), claims(t).iloc[0].after_low,\n"
        "      len(quantities(t)), extract(t)[1].iloc[0].before_low, sorted(set(fx.__all__) - set(dir(fx))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split("\n")
    assert out[0] == "False False"
    assert out[1] == "True True 48.0 2 120.0 []"
