"""Held-out FTZ-style sentences (not from the seeds): precision and recall of claims() >= 0.9.

The sentences and their expected claims (tests/data/extract_heldout.csv) were written before the
grammar was tuned; see tests/conftest_extract.py for the matching rule.
"""

from conftest_extract import evaluate


def test_heldout_precision_recall():
    precision, recall, details = evaluate()
    assert precision >= 0.9 and recall >= 0.9, (precision, recall, details)
