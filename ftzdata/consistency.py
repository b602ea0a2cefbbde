"""Figures restated in another document, and whether they agree.

The textbook summarises the 2015 and 2017 best-practice cases; each figure it gives (116项, 17个 …) is a
restatement of a figure in the full case. :func:`consistency` pairs every figure of a summary with the
figure of the full case that has the same unit and the same words before it, and says whether the two
values agree.
"""

from __future__ import annotations

import re

import pandas as pd

from .cases import case_index as _cases, summaries as _summaries
from .corpus import Corpus, resolve

__all__ = ["consistency", "CONSISTENCY_COLUMNS"]

CONSISTENCY_COLUMNS = [
    "case_id", "unit", "doc_id", "start", "end", "quote", "value_low", "value_high",
    "full_doc_id", "full_start", "full_end", "full_quote", "full_value_low", "full_value_high", "agrees",
]
_CONTEXT = 6  # characters of normalised text before a figure that name what it counts


def _figures(corpus: Corpus, doc_id: str, start: int, end: int) -> pd.DataFrame:
    from .extract import quantities

    text = corpus.text(doc_id)
    q = quantities(text)
    q = q[(q["start"] >= start) & (q["end"] <= end) & (q["dimension"] != "other")]
    q = q[~((q["value_low"] == 1) & (q["value_high"] == 1))].copy()  # 一个平台, 一套制度: wording, not figures
    norm = corpus.normalized(doc_id)
    # the words just before each figure, in normalised text, without punctuation
    q["context"] = [re.sub(r"[\W\d_]+", "", norm.text[max(0, i - _CONTEXT * 2):i])[-_CONTEXT:]
                    for i in _norm_positions(norm, q["start"])]
    return q


def _norm_positions(norm, starts):
    return norm.normalized_positions(starts)


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def consistency(corpus: Corpus | None = None) -> pd.DataFrame:
    """One row per figure of a summary that the full case also states: both quotes and ``agrees``."""
    corpus = resolve(corpus)
    case_rows = _cases(corpus).set_index("case_id")
    rows = []
    for _, s in _summaries(corpus).iterrows():
        case = case_rows.loc[s["case_id"]]
        mine = _figures(corpus, s["doc_id"], s["start"], s["end"])
        full = _figures(corpus, case["doc_id"], case["start"], case["end"])
        for _, f in mine.iterrows():
            same_unit = full[full["unit"] == f["unit"]]
            if same_unit.empty:
                continue
            score = same_unit["context"].map(lambda c: _common_suffix(c, f["context"]))
            equal = (same_unit["value_low"] == f["value_low"]) & (same_unit["value_high"] == f["value_high"])
            best = same_unit.assign(score=score, equal=equal).sort_values(
                ["score", "equal", "start"], ascending=[False, False, True]).iloc[0]
            if best["score"] < 2 and not best["equal"]:
                continue  # no figure of the full case names the same thing
            rows.append(dict(
                case_id=s["case_id"], unit=f["unit"], doc_id=s["doc_id"], start=int(f["start"]), end=int(f["end"]),
                quote=f["quote"], value_low=f["value_low"], value_high=f["value_high"], full_doc_id=case["doc_id"],
                full_start=int(best["start"]), full_end=int(best["end"]), full_quote=best["quote"],
                full_value_low=best["value_low"], full_value_high=best["value_high"], agrees=bool(best["equal"]),
            ))
    df = pd.DataFrame(rows, columns=CONSISTENCY_COLUMNS)
    df.attrs.update(title="Figures restated across documents",
                    description="Each figure of a textbook summary paired with the same figure in its full case.")
    return df
