"""The examples of the Library of Congress EDTF specification (2019-02-04, levels 0, 1 and 2).

https://www.loc.gov/standards/datetime/ — each example as the specification writes it, with
the feature it illustrates. Shared by the conformance tests and the fixture file that
`timeline check` must accept (tests/fixtures/edtf/level-0-and-1.yaml).
"""

from __future__ import annotations

LEVEL_0 = [
    ("1985-04-12", "date: complete representation"),
    ("1985-04", "date: reduced precision for year and month"),
    ("1985", "date: reduced precision for year"),
    ("1985-04-12T23:20:30", "date and time: local time"),
    ("1985-04-12T23:20:30Z", "date and time: UTC"),
    ("1985-04-12T23:20:30-04", "date and time: offset in hours"),
    ("1985-04-12T23:20:30+04:30", "date and time: offset in hours and minutes"),
    ("1964/2008", "time interval: year precision"),
    ("2004-06/2006-08", "time interval: month precision"),
    ("2004-02-01/2005-02-08", "time interval: day precision"),
    ("2004-02-01/2005-02", "time interval: day to month"),
    ("2004-02-01/2005", "time interval: day to year"),
    ("2005/2006-02", "time interval: year to month"),
]

LEVEL_1 = [
    ("Y170000002", "letter-prefixed calendar year"),
    ("Y-170000002", "letter-prefixed calendar year, negative"),
    ("2001-21", "season: spring"),
    ("1984?", "qualification: uncertain year"),
    ("2004-06~", "qualification: approximate month"),
    ("2004-06-11%", "qualification: uncertain and approximate day"),
    ("201X", "unspecified digit: decade"),
    ("20XX", "unspecified digits: century"),
    ("2004-XX", "unspecified month"),
    ("1985-04-XX", "unspecified day"),
    ("1985-XX-XX", "unspecified month and day"),
    ("1985-04-12/..", "extended interval: open end, day"),
    ("1985-04/..", "extended interval: open end, month"),
    ("1985/..", "extended interval: open end, year"),
    ("../1985-04-12", "extended interval: open start, day"),
    ("../1985-04", "extended interval: open start, month"),
    ("../1985", "extended interval: open start, year"),
    ("1985-04-12/", "extended interval: unknown end, day"),
    ("1985-04/", "extended interval: unknown end, month"),
    ("1985/", "extended interval: unknown end, year"),
    ("/1985-04-12", "extended interval: unknown start, day"),
    ("/1985-04", "extended interval: unknown start, month"),
    ("/1985", "extended interval: unknown start, year"),
    ("1984~/2004-06", "extended interval: approximate start"),
    ("1984/2004-06~", "extended interval: approximate end"),
    ("1984~/2004~", "extended interval: both approximate"),
    ("1984?/2004%", "extended interval: uncertain start, uncertain and approximate end"),
    ("1984-06?/2004-08?", "extended interval: both uncertain"),
    ("1984-06-02?/2004-08-08~", "extended interval: uncertain start, approximate end"),
    ("1984-06-02?/..", "extended interval: uncertain start, open end"),
    ("-1985", "negative calendar year"),
]

# (example, words the refusal must contain: the feature's name)
LEVEL_2 = [
    ("Y-17E7", "exponential year"),
    ("1950S2", "significant digits"),
    ("Y171010000S3", "significant digits"),
    ("Y3388E2S3", "exponential year"),
    ("2001-34", "sub-year grouping"),
    ("[1667,1668,1670..1672]", "set of dates"),
    ("[..1760-12-03]", "set of dates"),
    ("[1760-12..]", "set of dates"),
    ("[1760-01,1760-02,1760-12..]", "set of dates"),
    ("[1667,1760-12]", "set of dates"),
    ("[..1984]", "set of dates"),
    ("{1667,1668,1670..1672}", "set of dates"),
    ("{1960,1961-12}", "set of dates"),
    ("{..1984}", "set of dates"),
    ("2004-06~-11", "qualification of one component"),
    ("2004?-06-11", "qualification of one component"),
    ("?2004-06-~11", "qualification of one component"),
    ("2004-%06-11", "qualification of one component"),
    ("156X-12-25", "unspecified digits beyond level 1"),
    ("15XX-12-25", "unspecified digits beyond level 1"),
    ("XXXX-12-XX", "unspecified digits beyond level 1"),
    ("1XXX-XX", "unspecified digits beyond level 1"),
    ("1XXX-12", "unspecified digits beyond level 1"),
    ("1984-1X", "unspecified digits beyond level 1"),
    ("2004-06-~01/2004-06-~20", "qualification of one component"),
]

# Level 2 examples that SPEC makes readable, so they are not refused:
# - `2004-06-11%` is listed again under level 2 "group qualification", but it is exactly
#   the level 1 complete qualification (a qualifier at the end applies to the whole date);
# - `2004-06-XX/2004-07-03` is a level 2 interval (an end with unspecified digits), but
#   SPEC §2.2 allows an interval of any two dates of its table, `2017-XX` forms included.
LEVEL_2_READ_BY_SPEC = ["2004-06-11%", "2004-06-XX/2004-07-03"]
