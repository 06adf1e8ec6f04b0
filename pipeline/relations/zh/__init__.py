"""Facts from Chinese text: character-level frames over clauses, one module per relation.

`spans` splits Han-script lines into sentences and clauses, gives each clause its
subject and finds organisations, titles, degrees and dates; each relation module
registers a document rule for prose and labelled lines, and an item rule for the lines of
its Chinese section (教育经历, 工作经历, 获奖, 研究方向). No rule needs the parse, so the
parse gate never sees these lines. Cue words and word classes live in
`patterns/zh_triggers.jsonl`.
"""
