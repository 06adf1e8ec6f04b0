"""Who a document is about and who each mention is, on small documents written for the tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extract import Extractor, Input
from pipeline.people.names import clean_name, looks_like_name


@pytest.fixture(scope="module")
def run():
    ex = Extractor()

    def process(text: str, fmt: str = "markdown"):
        return ex.process(Input(text, "t", "t." + {"markdown": "md", "html": "html", "text": "txt"}[fmt], "0" * 64, fmt))

    return process


def _html(title: str, body: str) -> str:
    return f"<html><head><title>{title}</title></head><body>{body}</body></html>"


@pytest.mark.parametrize(
    "text,name",
    [
        ("Welcome to Jane Roe's homepage", "Jane Roe"),
        ("Welcome to Tariq Osei's Personal Homepage", "Tariq Osei"),
        ("About Lena Vogt", "Lena Vogt"),
        ("Mirela Costa | Home", "Mirela Costa"),
        ("Hugo Brandt, PhD", "Hugo Brandt"),
        ("Prof. Ada Quist - Northfield University", "Ada Quist"),
        ("KWAME ASANTE", "Kwame Asante"),
        ("An Wang", "An Wang"),
        ("If Roe", None),
        ("When Okafor", None),
        ("Research Interests", None),
        ("PyTorch Geometric", None),
        ("TU Wien", None),
        ("Working Experience", None),
        ("LLM Foundations", None),
        ("Part IV", None),
        ("Part I", None),
        ("LUO Yao", "Luo Yao"),
    ],
)
def test_clean_name(text, name):
    assert clean_name(text) == name


@pytest.mark.parametrize("text", ["Jane Roe's", "Graph Learning Lab", "Summer School", "About Me", "Bluebird AI", "Kestrel ML", "Quillon IT"])
def test_not_a_name(text):
    assert not looks_like_name(text)


@pytest.mark.parametrize("text", ["Ai Nakamura", "Wei XU", "Yao LI"])
def test_a_short_capitalised_word_may_be_a_name(text):
    """The company abbreviations are case-sensitive and close the name: a given name "Ai", a surname in capitals stay."""
    assert looks_like_name(text)


BIO = "She studies graph learning and robust optimisation.\n\nShe received her PhD from Eastfield University in 2015.\n"

SUBJECT_LAYOUTS = [
    # page title
    ("html", _html("Welcome to Mara Lind's homepage", "<p>" + BIO + "</p>"), "Mara Lind"),
    ("html", _html("Welcome to Sofia Brandt's Personal Homepage", "<p>" + BIO + "</p>"), "Sofia Brandt"),
    ("html", _html("Ines Corvo | Home", "<p>" + BIO + "</p>"), "Ines Corvo"),
    ("html", _html("Welcome to the Graph Learning Lab homepage", "<p>We study graph learning and robust optimisation.</p>"), None),
    # heading at the top
    ("markdown", "# About David Moreno\n\nHe studies graph learning.\n\nHe received his PhD from Eastfield University in 2015.\n", "David Moreno"),
    ("markdown", "# Nadia Farouk, PhD\n\n" + BIO, "Nadia Farouk"),
    ("markdown", "# Prof. Elif Demir - Lakeside College\n\n" + BIO, "Elif Demir"),
    ("markdown", "# Research Interests\n\nGraph learning and robust optimisation, studied at the lab for ten years.\n", None),
    # first sentence
    ("text", "Priya Natarajan is a research scientist at Northwind Labs.\n\n" + BIO, "Priya Natarajan"),
    ("text", "I am Jonas Ekberg, a PhD student at Lakeside College.\n\nMy research is on graph learning.\n", "Jonas Ekberg"),
    ("text", "Dr. Amara Obi was born in Lagos.\n\n" + BIO, "Amara Obi"),
    ("text", "I am a PhD student working with Professor Dan Halvorsen on graph learning.\n\nMy research is on robust optimisation.\n", None),
    # a resume that names only advisors and supervisors
    ("markdown", "## Education\n\n- PhD in Physics, Eastfield University, 2015-2020\n  - Thesis advisor: Dr. Karin Holt\n\n## Experience\n\n- Research intern, Quillon Labs, 2019\n  - Supervisors: Omar Said, Karin Holt\n", None),
    # bold name at the top
    ("markdown", "**Rui Tanaka**\n\nResearch scientist, Northwind Labs\n\n" + BIO + "\n**Rui Tanaka**, Jon Park. Robust graphs. 2021.\n", "Rui Tanaka"),
    # a plain-text page that opens with the owner's name alone on a line
    ("text", "Yuri Tanaka\n\nI am a researcher at Northwind Labs.\n\nMy research is on graph learning.\n", "Yuri Tanaka"),
    ("text", "Dr. Leila Haddad, PhD\n\nI study robust optimisation at Lakeside College.\n", "Leila Haddad"),
    ("text", "Bjorn Aas\nAssistant Professor, Eastfield University\n\nMy group works on graph learning.\n", "Bjorn Aas"),
    ("text", "Graph Learning Lab\n\nWe study graph learning and robust optimisation.\n", None),
    # news lead
    ("text", "Helena Marsh, the new chief executive of Quillon, said on Monday that the company would hire 200 engineers.\n\nMarsh joined Quillon in 2019.\n", "Helena Marsh"),
    ("text", "Oscar Lindqvist, 52, has been appointed chair of the board of Brightwell.\n\nLindqvist was previously at Quillon.\n", "Oscar Lindqvist"),
    ("text", "If Roe is named chair, the board of Brightwell will meet in May.\n\nThe company has 300 employees.\n", None),
    # a first-person page that never names its owner: the owner's own address spells the name
    ("text", "I am a professor at Lakeside College, working with Dr. Dan Halvorsen.\n\nEmail: ana.ruiz AT lakeside.edu\n", "Ana Ruiz"),
    ("text", "Center for Widgets\nOffice: Room 12\nEmail: jon_park@eastfield.edu\n\nI am currently a lecturer at Eastfield University.\n", "Jon Park"),
    ("markdown", "I am a PhD student at Quillon University.\n\nContact: mira.olsen [at] quillon [dot] edu\n", "Mira Olsen"),
    # negative twins: a mailbox's address, two people's addresses, a page whose text names its person
    ("text", "I am a professor at Lakeside College.\n\nEmail: info.desk@lakeside.edu\n", None),
    ("text", "I am a professor at Lakeside College.\n\nEmail: ana.ruiz@lakeside.edu or jon.park@lakeside.edu\n", None),
    ("text", "Helena Marsh joined Quillon in 2019, the company said.\n\nMarsh leads its search team.\n\nPress contact: jeana.lind@quillon.com\n", "Helena Marsh"),
]


@pytest.mark.parametrize("fmt,text,subject", SUBJECT_LAYOUTS)
def test_subject_layouts(run, fmt, text, subject):
    rec = run(text, fmt)
    assert rec.status == "ok"
    assert rec.subject == subject


def test_no_person_from_a_function_word(run):
    rec = run("Quillon Chief Executive Jane Roe will step down. If Roe is named chair, the board meets in May. Roe joined Quillon in 2011.\n", "text")
    names = {p.canonical for p in rec.people}
    assert "If Roe" not in names and not any(n.startswith("If ") for n in names)
    assert rec.subject == "Jane Roe"


def test_surname_only_biography(run):
    text = (
        "Marta Kowalczyk is a computer scientist.\n\n"
        "Kowalczyk was born in Gdansk in 1980. Kowalczyk received her PhD from Eastfield University in 2008.\n\n"
        "In 2012 Kowalczyk joined Northwind Labs as a research scientist, where she leads the Graph Team.\n"
    )
    rec = run(text, "text")
    assert rec.subject == "Marta Kowalczyk"
    facts = {(f.relation, f.subject.canonical, f.object.canonical) for f in rec.facts}
    assert ("educated_at", "Marta Kowalczyk", "Eastfield University") in facts
    assert ("employed_by", "Marta Kowalczyk", "Northwind Labs") in facts
    person = next(p for p in rec.people if p.canonical == "Marta Kowalczyk")
    assert len(person.mentions) >= 4  # the surname-only mentions count
    assert all(text[m.start : m.end] == m.text for m in person.mentions)


KEYNOTES = """# Keynote Speakers

## Prof. Alma Reyes

### Eastfield University

Alma Reyes is a Professor of Computer Science at Eastfield University. Her research interests include causal inference, fairness, and privacy.

## Dr. Bruno Okafor

### Northwind Labs

Bruno Okafor is a research scientist at Northwind Labs. His research focuses on speech recognition.

## Chen Wei

### Lakeside College

Chen Wei is an Associate Professor at Lakeside College.

Research interests include protein design, molecular simulation, and enzyme engineering.
"""


def test_keynote_speakers_interests_do_not_mix(run):
    rec = run(KEYNOTES)
    interests = {}
    for f in rec.facts:
        if f.relation == "research_interest":
            interests.setdefault(f.subject.canonical, set()).add(f.object.canonical.lower())
    assert {"causal inference", "fairness"} <= interests.get("Alma Reyes", set())
    assert "speech recognition" in interests.get("Bruno Okafor", set())
    assert "protein design" in interests.get("Chen Wei", set())
    assert not interests.get("Alma Reyes", set()) & {"speech recognition", "protein design", "molecular simulation"}
    jobs = {(f.subject.canonical, f.object.canonical) for f in rec.facts if f.relation == "employed_by"}
    assert ("Bruno Okafor", "Northwind Labs") in jobs and ("Chen Wei", "Lakeside College") in jobs


SPEAKER_LABELS = """Workshop on Robust Learning

Speaker: Dana Whitcombe

Title: Learning under shift

Bio: She is a senior researcher at Quillon Research. Her research interests include domain adaptation.

Speaker: Marco Ibsen

Title: Safe exploration

Bio: He is an assistant professor at Lakeside College. His research interests include reinforcement learning.
"""


def test_speaker_blocks(run):
    rec = run(SPEAKER_LABELS, "text")
    interests = {(f.subject.canonical, f.object.canonical.lower()) for f in rec.facts if f.relation == "research_interest"}
    assert ("Dana Whitcombe", "domain adaptation") in interests
    assert ("Marco Ibsen", "reinforcement learning") in interests
    assert ("Dana Whitcombe", "reinforcement learning") not in interests


AUTHOR_BIOS = """Robust Graph Learning at Scale

Abstract. We study graph learning under distribution shift and report results on six benchmarks.

Author biographies

Yuki Sato is a PhD student at Eastfield University. Sato's research interests include graph neural networks and robustness.

Lars Holm is a professor at Lakeside College, where Holm leads the Data Systems Group. His research interests include query optimisation.
"""


def test_author_bio_paragraphs(run):
    rec = run(AUTHOR_BIOS, "text")
    facts = {(f.relation, f.subject.canonical, f.object.canonical.lower()) for f in rec.facts}
    assert ("research_interest", "Lars Holm", "query optimisation") in facts
    assert ("research_interest", "Yuki Sato", "query optimisation") not in facts
    assert ("employed_by", "Lars Holm", "lakeside college") in facts


def test_two_people_sharing_a_surname(run):
    text = (
        "Elena Brandt is a professor at Eastfield University.\n\n"
        "Her brother Felix Brandt is an engineer at Northwind Labs. Felix Brandt received his PhD from Lakeside College in 2010.\n\n"
        "Elena Brandt received her PhD from Kyoto University in 2005.\n"
    )
    rec = run(text, "text")
    names = {p.canonical for p in rec.people}
    assert {"Elena Brandt", "Felix Brandt"} <= names
    edu = {(f.subject.canonical, f.object.canonical) for f in rec.facts if f.relation == "educated_at"}
    assert ("Felix Brandt", "Lakeside College") in edu and ("Elena Brandt", "Kyoto University") in edu
    assert ("Elena Brandt", "Lakeside College") not in edu


@pytest.mark.parametrize(
    "text,person,org",
    [
        ("Ms. Nora Lindahl is a research scientist at Northwind Labs.\n\nIn 2015 Mr. Tomas Reuter joined the Audio Group. She received her PhD from Eastfield University in 2016.\n", "Nora Lindahl", "Eastfield University"),
        ("Mr. Jon Aker is the chairman of Brightwell.\n\nIn 2019 Ms. Ida Moreno became chief executive. He received his PhD from Lakeside College in 1990.\n", "Jon Aker", "Lakeside College"),
        ("Ms. Lea Stone is an engineer at Quillon. Mr. Dan Roth is her manager. She received her MSc from Kyoto University in 2011.\n", "Lea Stone", "Kyoto University"),
    ],
)
def test_pronoun_agrees_in_gender(run, text, person, org):
    rec = run(text, "text")
    edu = {(f.subject.canonical, f.object.canonical) for f in rec.facts if f.relation == "educated_at"}
    assert edu == {(person, org)}


def test_pronoun_without_gender_evidence_takes_the_last_subject(run):
    text = "Nora Lindahl is a research scientist at Northwind Labs.\n\nIn 2015 Peter Hansen joined the Audio Group. He received his PhD from Eastfield University in 2016.\n"
    rec = run(text, "text")
    edu = {(f.subject.canonical, f.object.canonical) for f in rec.facts if f.relation == "educated_at"}
    assert edu == {("Peter Hansen", "Eastfield University")}


def test_people_field_has_aliases_in_other_scripts(run):
    rec = run("Luo Yao (罗尧) is a researcher at Northwind Labs. Luo received a PhD from Eastfield University.\n", "text")
    person = next(p for p in rec.people if p.canonical == "Luo Yao")
    assert "罗尧" in person.aliases


@pytest.mark.parametrize(
    "block,owner",
    [
        ("Media contact:\n\nLena Ostrova\nCorporate Communications\nQuillon\nlena.ostrova@quillon.com\n", "Lena Ostrova"),
        ("Press enquiries\n\nTomasz Wierzba\nBrightwell PR\ntw@brightwell.example.com\n", "Tomasz Wierzba"),
        ("For more information:\n\nAmina Diallo\n+1 415 555 0199\n", "Amina Diallo"),
        ("For more information, write to press@quillon.com.\n", "Helena Marsh"),
    ],
)
def test_contact_block_owner(run, block, owner):
    text = "Helena Marsh, the new chief executive of Quillon, said on Monday that the company would hire engineers.\n\n" + block
    rec = run(text, "text")
    contacts = {f.subject.canonical for f in rec.facts if f.relation == "contact"}
    assert contacts == {owner}


@pytest.mark.parametrize(
    "text,mention,pos_word,full",
    [
        ("She studied at Shanghai Jiao Tong University (SJTU). SJTU is large.", "SJTU", "SJTU is", "Shanghai Jiao Tong University"),
        ("He joined Quillon Research Labs (QRL) in 2019.", "QRL", None, "Quillon Research Labs"),
        ("He was at the Massachusetts Institute of Technology (MIT).", "MIT", None, "Massachusetts Institute of Technology"),
        ("He moved to Quillon Labs (Netherlands) in 2019.", "Netherlands", None, None),  # not an acronym
        ("He works at Quillon Labs (NL) now.", "NL", None, None),  # letters that do not spell the name
    ],
)
def test_acronym_resolves_to_its_organisation(text, mention, pos_word, full):
    from pipeline.people.orgs import find_orgs

    assert find_orgs(text, []).resolve(mention) == full


def test_the_company_resolves_to_the_nearest_company():
    from pipeline.people.orgs import find_orgs

    text = "Jane Roe studied at Eastfield University. In 2015 she joined Quillon Inc. The company's research unit grew."
    orgs = find_orgs(text, [(text.index("Eastfield University"), text.index(". In")), (text.index("Quillon Inc."), text.index("Quillon Inc.") + 12)])
    pos = text.index("The company")
    assert orgs.resolve("The company", pos) == "Quillon Inc."
    assert orgs.resolve("the university", pos) == "Eastfield University"
    assert orgs.resolve("the company", text.index("Eastfield")) is None  # no company named before it


def test_fact_objects_use_the_full_name(run):
    rec = run("Ada Quist received her PhD from Shanghai Jiao Tong University (SJTU) in 2015.\n\nIn 2016 Ada Quist joined SJTU as a lecturer.\n", "text")
    objects = {(f.relation, f.object.canonical) for f in rec.facts}
    assert ("employed_by", "Shanghai Jiao Tong University") in objects


LAB_PEOPLE = """# People

- Jana Novak, Assistant Professor at Eastfield University. Her research interests include program synthesis and type systems.
- Omar Haddad, PhD student at Lakeside College. His research interests include speech recognition and audio generation.
- Keiko Mori, research scientist at Quillon Labs. Her research interests include protein design.
"""


def test_list_items_starting_with_a_name(run):
    rec = run(LAB_PEOPLE)
    interests = {(f.subject.canonical, f.object.canonical.lower()) for f in rec.facts if f.relation == "research_interest"}
    assert {("Jana Novak", "type systems"), ("Omar Haddad", "audio generation"), ("Keiko Mori", "protein design")} <= interests
    assert not any(s == "Jana Novak" and o in ("audio generation", "protein design") for s, o in interests)


def test_news_story_keeps_one_subject(run):
    text = (
        "Helena Marsh is the new chief executive of Quillon, the company said on Monday.\n\n"
        "Jonas Moreno is the chairman of the board. Marsh said she would hire 200 engineers this year.\n\n"
        "Marsh received her PhD from Eastfield University in 2004.\n"
    )
    rec = run(text, "text")
    assert rec.subject == "Helena Marsh"
    edu = {(f.subject.canonical, f.object.canonical) for f in rec.facts if f.relation == "educated_at"}
    assert edu == {("Helena Marsh", "Eastfield University")}


def test_subject_at_and_resolve_api():
    from pipeline import document
    from pipeline.config import Settings

    ex = Extractor()
    settings = Settings()
    ct = document.prepare(Input(KEYNOTES, "k", "k.md", "0" * 64, "markdown"), settings)
    doc = ex.nlp(document.new_doc(ex.nlp, ct, None))
    people = doc._.people
    text = doc.text
    assert people.subject_at(text.index("Her research interests")).canonical == "Alma Reyes"
    assert people.subject_at(text.index("His research focuses")).canonical == "Bruno Okafor"
    assert people.subject_at(text.index("Research interests include")).canonical == "Chen Wei"
    assert people.subject_at(0).canonical == people.subject.canonical  # before any section: the document's subject
    at = text.index("Bruno Okafor is")
    assert people.resolve(at, at + len("Bruno Okafor")).canonical == "Bruno Okafor"
    assert people.resolve(at + len("Bruno "), at + len("Bruno Okafor")).canonical == "Bruno Okafor"  # the surname alone


@pytest.mark.parametrize(
    "text,fact",
    [
        ("Marta Kowalczyk is a computer scientist at Northwind Labs.\n\nIn 2019 the researcher joined Quillon as chief scientist.\n", ("Marta Kowalczyk", "Quillon")),
        ("Helena Marsh has been named chief executive of Brightwell. The 52-year-old joined Quillon in 2001.\n", ("Helena Marsh", "Quillon")),
        ("Oskar Dahl is a physicist.\n\nIn 2012 the physicist joined Lakeside College as a lecturer.\n", ("Oskar Dahl", "Lakeside College")),
    ],
)
def test_descriptive_mention_of_the_only_person_in_view(run, text, fact):
    rec = run(text, "text")
    assert ("employed_by", *fact) in {(f.relation, f.subject.canonical, f.object.canonical) for f in rec.facts}


def test_descriptive_mention_is_left_alone_when_two_people_are_in_view(run):
    text = "Marta Kowalczyk is a computer scientist at Northwind Labs. Her colleague David Moreno studies speech.\n\nIn 2019 the researcher joined Quillon as chief scientist.\n"
    rec = run(text, "text")
    assert not any(f.object.canonical == "Quillon" for f in rec.facts)


def test_full_name_only_in_the_title(run):
    body = "<p>Kowalczyk was born in Gdansk. In 2008 Kowalczyk received her PhD from Eastfield University.</p><p>She joined Northwind Labs in 2012.</p>"
    rec = run(_html("Marta Kowalczyk | Biography", body), "html")
    assert rec.subject == "Marta Kowalczyk"
    facts = {(f.relation, f.subject.canonical, f.object.canonical) for f in rec.facts}
    assert ("educated_at", "Marta Kowalczyk", "Eastfield University") in facts
    person = next(p for p in rec.people if p.canonical == "Marta Kowalczyk")
    assert [m.text for m in person.mentions].count("Kowalczyk") >= 2


HOMEPAGE_WITH_STUDENTS = """# Jane Roe

I am an associate professor at Eastfield University. My research interests include graph learning and causal inference.

## Students

### David Moreno

David Moreno is a PhD student. His research interests include speech recognition.

### Ada Quist

Ada Quist is a PhD student. Her research interests include protein design.

## Education

- 2010, PhD in Computer Science, Lakeside College
"""


def test_homepage_with_a_students_section(run):
    rec = run(HOMEPAGE_WITH_STUDENTS)
    assert rec.subject == "Jane Roe"
    facts = {(f.relation, f.subject.canonical, f.object.canonical) for f in rec.facts}
    assert ("research_interest", "Jane Roe", "graph learning") in facts
    assert ("research_interest", "David Moreno", "speech recognition") in facts
    assert ("research_interest", "Ada Quist", "protein design") in facts
    assert ("educated_at", "Jane Roe", "Lakeside College") in facts  # the Education section is the owner's again


def test_middle_initial_completes_the_canonical_name(run):
    text = "## Joseph Konstan\n\nJoseph A. Konstan is a professor at Eastfield University. A. Smith and he wrote a book.\n"
    rec = run(text)
    person = next(p for p in rec.people if "Konstan" in p.canonical)
    assert person.canonical == "Joseph A. Konstan"
    assert "Joseph Konstan" in person.aliases
    assert not any(m.text == "A." for m in person.mentions)



_WORDS = st.sampled_from(["Jane", "Roe", "If", "the", "Homepage", "'s", "Prof.", "|", "-", ",", "PhD", "LUO", "Yao", "ACM", "Lab", "Welcome", "to", "J.", "Ma"])


@given(st.lists(_WORDS, max_size=8).map(" ".join))
def test_clean_name_gives_a_name_or_nothing(text):
    from pipeline.people.names import FUNCTION_WORDS, NAME_TOO

    name = clean_name(text)
    if name is not None:
        assert looks_like_name(name)
        assert not any(w.lower().rstrip(".") in FUNCTION_WORDS - NAME_TOO for w in name.split())
        assert "'s" not in name and "|" not in name


@settings(deadline=None, max_examples=40)
@given(text=st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_any_text_gets_a_record(run, text):
    rec = run(text, "text")
    assert rec.status in ("ok", "error")
    for p in rec.people:
        assert all(text[m.start : m.end] == m.text for m in p.mentions)


def test_owner_named_only_in_front_matter_carries_that_mention(run):
    text = "---\ntitle: Nadia Petrova\n---\n\nThank you for visiting my blog.\n\nI am a statistician working on child health.\n"
    rec = run(text)
    [p] = [p for p in rec.people if p.canonical == rec.subject]
    assert rec.subject == "Nadia Petrova"
    assert [(m.text, text[m.start : m.end]) for m in p.mentions] == [("Nadia Petrova", "Nadia Petrova")]


def test_person_with_mentions_in_the_text_gets_no_front_matter_mention(run):
    text = "---\ntitle: Nadia Petrova\n---\n\nNadia Petrova is a statistician working on child health.\n"
    rec = run(text)
    [p] = [p for p in rec.people if p.canonical == "Nadia Petrova"]
    assert all(m.start > text.index("---\n\n") for m in p.mentions)


def test_name_index_follows_new_people_and_aliases():
    """Look-ups read an index built once per change, not per call: a new alias or person is found at once."""
    from pipeline.people.registry import People, Person

    people = People(persons=[Person(canonical="Maren Tolle")])
    assert people.get("Tolle") is people.persons[0]
    assert people.get("Dr. Quist") is None
    people.persons[0].aliases.add("M. Tolle-Quist")
    people.changed()
    assert people.get("M. Tolle-Quist") is people.persons[0]
    people.persons.append(Person(canonical="Ivo Quist"))
    assert people.get("Quist") is people.persons[1]


@pytest.mark.parametrize(
    "text, people",
    [
        # a "person" whose first word the story names on its own as an organisation is a product or a unit
        ("Google unveiled a new structure on Monday, and Google said search stays. What is Google Quill? "
         "Analysts praised Google Quill and Ada Reyes, the CEO of Orbit, spoke.", ["Ada Reyes"]),
        # organisations named twice do not touch people whose names do not begin with them
        ("Ada Reyes founded Orbit in 2019. Orbit grew fast, and Lena Vogt joined Orbit in 2021.", ["Ada Reyes", "Lena Vogt"]),
    ],
)
def test_no_person_named_after_an_organisation(run, text, people):
    assert sorted(p.canonical for p in run(text, "text").people) == people
