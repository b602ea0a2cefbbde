"""One registry of the words of the dataset's values: every value the extractor can produce has both words."""

import re

from ftzdata import terms
from ftzdata.extract import QUALIFIER_ORDER, UNITS
from ftzdata.extract.units import PER_WORDS
from ftzdata.plot import labels as L
from ftzdata.report import nb

CJK = re.compile(r"[\u4e00-\u9fff]")


def test_every_kind_and_unit_the_extractor_produces_has_both_words():
    for u in UNITS.values():
        en, zh = terms.kind_words(u.dimension)
        assert en != u.dimension and CJK.search(zh), u.dimension
        if u.canonical.startswith("count:"):
            noun = u.canonical[6:]
            assert terms.count_noun(noun) != noun and not CJK.search(terms.count_noun(noun)), noun
        else:
            assert u.canonical in terms.terms()["units"], u.canonical
            assert terms.unit_long(u.canonical)


def test_every_per_the_extractor_produces_has_both_words():
    for per in set(PER_WORDS.values()):
        en, zh = terms.per_words(per)
        assert en.startswith(("per ", "each ")) and not CJK.search(en), per
        assert CJK.search(zh), per


def test_every_qualifier_has_words_a_marker_class_and_a_caveat_in_both_languages():
    for q in QUALIFIER_ORDER:
        entry = terms.qualifier(q)
        assert entry is not None, q
        assert not CJK.search(entry["en"]) and CJK.search(entry["zh"]), q
        assert len(entry["caveat_en"]) > 10 and CJK.search(entry["caveat_zh"]), q
        assert q in nb.QUALIFIER_CAVEATS and q in L.QUALIFIERS


def test_charts_write_the_words_of_their_language():
    assert L.per_name("flight", "zh") == "每架次" and L.per_name("declaration", "en") == "per declaration"
    assert "不到" in L.qualifier_words("less than", "zh") and "最多" in L.qualifier_words("at most", "zh")
    assert L.unit_name("count:票", "en") == "declaration" and L.unit_name("count:票", "zh") == "票"
