"""The data dictionary: what every published column means, and its unit (used by the exports)."""

from __future__ import annotations

UNITS_NOTE = ("duration in hours (h); money in yuan (CNY) or US dollars (USD); counts as numbers with the counted "
              "noun in the unit (count:项 = items); ratios in percent (%), percentage points (pp) or multiples "
              "(times); area in square metres (m2)")

COLUMNS: dict[str, dict[str, str]] = {
    "metrics": {
        "metric_id": "Unique id: case_id.metric",
        "case_id": "The reform case the claim belongs to (see cases)",
        "doc_id": "The source document (see documents)",
        "zone": "Pilot Free Trade Zone: Shanghai, Guangdong, Tianjin or Fujian",
        "area": "The 片区 or district the case's text names, if any",
        "domain": "Reform domain (fixed vocabulary of seven)",
        "published": "Date of the source document (ISO; first day of the month or year where only that is given)",
        "metric": "Canonical metric name in snake_case, e.g. customs_declaration_time",
        "label_en": "What is measured, in English",
        "label_zh": "What is measured, in Chinese",
        "kind": "duration, count, money, ratio or area: what the measured quantity is",
        "unit": "Unit of before/after/change: " + UNITS_NOTE,
        "per": "What one value refers to (container, TEU, declaration, batch …); empty for totals",
        "before": "Value before the reform (point; midpoint of a stated range)",
        "after": "Value after the reform (point; midpoint of a stated range)",
        "before_low": "Lower end of the stated value before the reform",
        "before_high": "Upper end of the stated value before the reform",
        "after_low": "Lower end of the stated value after the reform",
        "after_high": "Upper end of the stated value after the reform",
        "change": "after − before, or the stated change, signed (a reduction is negative)",
        "change_low": "Lower end of the change",
        "change_high": "Upper end of the change",
        "change_pct": "Percentage change: 100 × change / before, or as stated, signed",
        "change_pct_low": "Lower end of the percentage change",
        "change_pct_high": "Upper end of the percentage change",
        "change_stated": "The change as the text states it, signed (empty where it states none)",
        "change_pct_stated": "The percentage change as the text states it, signed (empty where it states none)",
        "ratio": "after / before",
        "direction": "decrease or increase",
        "qualifier": "Wording that qualifies the figures: approximately, nearly, more than, at least, at most, "
                     "within, fastest, average, working days …",
        "stated": "Which values the text states (before, after, change, change_pct); the others are derived",
        "note": "Caveat for readers from the review (World Bank estimate, aggregate over all batches, per TEU …)",
        "subject": "The phrase the claim is about, as written",
        "quote": "The verbatim original text of the claim, at [start, end) of the document",
        "start": "Character offset of the quote's start in the original document",
        "end": "Character offset just past the quote's end in the original document",
        "source": "extractor (found by ftzdata.extract) or review (added by hand in the ledger: the extractor misses it)",
    },
}

COLUMNS["cases"] = {
    "case_id": "Stable id of the case: mofcom2015-01, mofcom2017-01, nansha2018-01, tianjin2021-01 …",
    "doc_id": "The source document (see documents)",
    "seq": "The case's number in its document",
    "title_zh": "Title exactly as in the original document, at [title_start, title_end)",
    "title_zh_hans": "Title in Simplified characters, without markup",
    "title_en": "Reviewed English translation of the title",
    "zone": "Pilot Free Trade Zone: Shanghai, Guangdong, Tianjin or Fujian",
    "zone_zh": "Zone in Chinese",
    "area": "The 片区 or district the text names (Nansha, Pingtan, Hengqin, Airport …), if any",
    "area_zh": "Area in Chinese, as written",
    "domain": "Reform domain (fixed vocabulary of seven)",
    "domain_zh": "The category as the document gives it; empty where the document has none",
    "domain_source": "document, or assigned where the document has no categories",
    "lead_units": "Lead or responsible units the document names (牵头单位/负责单位), '; '-separated",
    "published": "Date of the source document (ISO; first day of the month or year where only that is given)",
    "start": "Character offset of the case's start in the original document",
    "end": "Character offset just past the case's end in the original document",
    "title_start": "Character offset of the title in the original document",
    "title_end": "Character offset just past the title",
    "summary_id": "The textbook summary of this case, if any (see summaries)",
    "text": "The case's text, normalised (Simplified characters, no markup)",
}
COLUMNS["documents"] = {
    "doc_id": "Stable id of the document",
    "file": "File name under seeds/",
    "title_zh": "Title as the document gives it",
    "title_en": "English translation of the title",
    "issuer": "Issuing body, as written",
    "issuer_en": "Issuing body in English",
    "doc_number": "Official document number (文号), if any",
    "date": "Date as precise as the document gives it (YYYY, YYYY-MM or YYYY-MM-DD)",
    "script": "simplified or traditional characters",
    "kind": "What kind of document it is",
    "n_cases": "Number of cases (or summaries) it holds",
    "layout": "How its cases are marked (a hint to the splitter; empty: detected): case-headings, pipe-table, "
              "tsv-table, html-table, cn-headings, paren-headings, arabic-headings, circled-headings, "
              "numbered-lines, whole-document, or summaries",
    "case_prefix": "Readable prefix of its case ids (mofcom2015 …); empty: the doc_id",
    "sha256": "SHA-256 of the file's bytes",
    "source_file": "The file name as received",
    "notes": "What a reader should know about the document",
    "published": "The date as a timestamp (first day of the month or year where only that is given)",
    "date_precision": "day, month or year",
    "n_chars": "Length of the original text in characters",
}
COLUMNS["summaries"] = {
    "summary_id": "Id of the summary: textbook-01 …",
    "doc_id": "The document holding the summary",
    "batch": "1 for the 2015 batch, 2 for the 2017 batch",
    "seq": "The case number the summary gives",
    "case_id": "The full case it summarises",
    "title_zh": "The summary's heading line, as in the original",
    "text": "The summary's text, normalised",
    "start": "Character offset of the summary in the original document",
    "end": "Character offset just past the summary",
}
COLUMNS["consistency"] = {
    "case_id": "The case whose figure is restated",
    "unit": "Unit of the figure",
    "doc_id": "The document that restates it (the textbook)",
    "start": "Offset of the restated figure",
    "end": "Offset just past the restated figure",
    "quote": "The restated figure, verbatim",
    "value_low": "Its value (lower end)",
    "value_high": "Its value (upper end)",
    "full_doc_id": "The document that tells the full case",
    "full_start": "Offset of the figure in the full case",
    "full_end": "Offset just past it",
    "full_quote": "The figure in the full case, verbatim",
    "full_value_low": "Its value (lower end)",
    "full_value_high": "Its value (upper end)",
    "agrees": "Whether the two values are equal",
}

TITLES = {
    "metrics": "Reform effects reported by China's Pilot Free Trade Zones (one row per claim)",
    "cases": "Reform cases of China's Pilot Free Trade Zones",
    "documents": "Source documents",
    "summaries": "Textbook summaries of the best-practice cases",
    "consistency": "Figures restated across documents, and whether they agree",
}
