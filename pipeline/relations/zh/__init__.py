"""Facts from Chinese text: character-level frames over clauses, one module per relation.

`spans` splits Han-script lines into sentences and clauses, gives each clause its
subject and finds organisations, titles, degrees and dates; each relation module
registers one document rule (no parse is needed, so the parse gate never sees these
lines). Cue words and word classes live in `patterns/zh_triggers.jsonl`.
"""
