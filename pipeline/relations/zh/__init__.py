"""Facts from Chinese text: character-level frames over clauses, one module per relation.

`clauses` splits Han-script lines into sentences and clauses and gives each clause its
subject; `spans` finds organisations, titles, degrees and date ranges; each relation module
registers a document rule for prose and labelled lines, and an item rule for the lines of
its Chinese section (教育经历, 工作经历, 获奖, 研究方向). No rule needs the parse, so the
parse gate never sees these lines. Cue words and word classes live in
`patterns/zh_triggers.jsonl`.
"""
