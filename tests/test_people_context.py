"""Names the recognizer mislabels or misses, found by how the sentence treats them, and whom a "who" clause is about."""

from __future__ import annotations

import pytest

from pipeline.document import new_doc, prepare
from pipeline.extract import Extractor, Input
from pipeline.people.context import context_names


@pytest.fixture(scope="module")
def run():
    ex = Extractor()

    def process(text: str):
        return ex.process(Input(text, "t", "t.md", "0" * 64, "markdown"))

    return process


@pytest.fixture(scope="module")
def nlp_doc():
    ex = Extractor()

    def make(text: str):
        ct = prepare(Input(text, "t", "t.md", "0" * 64, "markdown"), ex.settings)
        return ex.nlp(new_doc(ex.nlp, ct, None))

    return make


def _people(rec) -> set[str]:
    return {p.canonical for p in rec.people}


@pytest.mark.parametrize(
    "text,name",
    [
        # a title after a comma
        ("The board members are Aram Petrosyan, founder of Quillpay, and Lina Osk, founder of Brightwave.\n", "Aram Petrosyan"),
        ("The round was led by Oskar Lindqvist, a partner at Northwind Ventures.\n", "Oskar Lindqvist"),
        ("Funding came after a pitch by Bram Vos, Quillon's chief financial officer.\n", "Bram Vos"),
        # the object of an appointment, before its title
        ("Quillon named Ana Ruiz chief executive in May.\n", "Ana Ruiz"),
        ("Quillon has appointed Mira Lund as its new chief financial officer.\n", "Mira Lund"),
        ("Brightline hired Tomas Reyes as head of research.\n", "Tomas Reyes"),
        # a title inside a run of capitalised words: the name is what follows it
        ("Quillon CTO Ana Ruiz spoke at the event.\n", "Ana Ruiz"),
        ("Northwind Labs Chief Scientist Ilse Brandt will give the keynote.\n", "Ilse Brandt"),
        # a title before the name
        ("The board consists of chief scientist Ilya Morev, who joined in 2016.\n", "Ilya Morev"),
        # a speech verb, or "who" after the name
        ('"We will grow," said Tomas Berg.\n', "Tomas Berg"),
        ("The plan was approved, according to Hedda Lund.\n", "Hedda Lund"),
        ("She married Ana Ruiz who received her PhD from Northfield University.\n", "Ana Ruiz"),
        # a verb of a career after a name that opens its sentence
        ("Quillon released a model on Monday. Mira Lund joined Quillon in 2019 as chief scientist.\n", "Mira Lund"),
        ("The firm grew fast. Tarek Osei has left Brightline to found Kestrel.\n", "Tarek Osei"),
        ("Ines Valdor co-founded Tidewell in 2015.\n", "Ines Valdor"),
        ("Ilse Brandt heads the robotics group at Quillon.\n", "Ilse Brandt"),
        # an honorific before the name
        ("She co-founded Tidewell, a start-up, along with Dr. Jon Halvard and two students.\n", "Jon Halvard"),
        ("The prize went to Prof. Ines Valdor last year.\n", "Ines Valdor"),
        # a list label, then the other members of the list
        ("Organizers: Jane Roe (Northfield University), Tariq Osei (Quillon Labs) and Lena Vogt (Eastfield University).\n", "Tariq Osei"),
        ("Organizers: Jane Roe (Northfield University), Tariq Osei (Quillon Labs) and Lena Vogt (Eastfield University).\n", "Lena Vogt"),
        # an entry of a list under a heading that names who made something
        ("# Orca-2\n\n## Core contributors\n\n- Ana Ruiz\n- Jon Park\n", "Ana Ruiz"),
        ("# GraphVault\n\n## Maintainers\n\n* Maria Okafor (Quillon Labs)\n", "Maria Okafor"),
        ("# Nimbus\n\n## The team\n\nSara Lind, Oskar Lindqvist and Jon Park\n", "Sara Lind"),
        ("# Nimbus\n\nCore contributors: Ana Ruiz, Jon Park\n", "Ana Ruiz"),
        # an entry of a list under a line that says who made something
        ("Helix is developed and maintained by:\n\n- Ana Ruiz (Quillon Labs)\n- Jon Park (Northfield University)\n", "Jon Park"),
        ("The main authors of Helix are:\n\n* Mira Olsen\n* Tariq Osei\n", "Tariq Osei"),
        ("Tessera-7B's core maintainers include:\n1. Sara Lind\n2. Oskar Lindqvist\n", "Oskar Lindqvist"),
        # a cell of a table's column of people, whatever the model calls it
        ("| Name | Institution |\n|---|---|\n| Lena Ortiz | Quillon Labs |\n| Tomas Berg | Northwind |\n", "Lena Ortiz"),
        ("| Speaker | Talk |\n|---|---|\n| Priya Natarajan (Brightline) | Graphs at scale |\n", "Priya Natarajan"),
        ("| Year | Author | Title |\n|---|---|---|\n| 2021 | Omar Haddad, Quillon | Mesh repair |\n", "Omar Haddad"),
    ],
)
def test_context_marks_a_person(run, text, name):
    assert name in _people(run(text))


@pytest.mark.parametrize(
    "text,name",
    [
        # negative twins: the same runs where nothing marks a person
        ("The board members met at Aram Petrosyan Square last spring.\n", "Aram Petrosyan"),
        ("She co-founded Tidewell, a start-up, along with Jon Halvard Partners and two students.\n", "Jon Halvard"),
        ("## Teaching\n\n- Embedded Sensor Design, Teaching Assistant; 2023.01 - 2023.05\n", "Embedded Sensor Design"),
        ("- Helped strategize ML Engineer Hiring Roadmap\n", "Hiring Roadmap"),
        ("Positions are open in Lakeside Clinic, Eastfield, and NorthHealth. Please write to us.\n", "NorthHealth. Please"),
        ("Follow us on Mastodon, Bluesky and Quill Social.\n", "Quill Social."),
        # the same verbs after topics, or inside a sentence
        ("Robust Ranking led to a new course.\n", "Robust Ranking"),
        ("The Quillon CTO Office Hours are held on Monday.\n", "Office Hours"),
        ("The magazine named Springfield Park the best place to live.\n", "Springfield Park"),
        ("Active Sensing became popular in 2010.\n", "Active Sensing"),
        ("Interest grew after Sensor Fusion joined the curriculum in 2010.\n", "Sensor Fusion"),
        ("She works on Graph Mining, Sensor Fusion, Text Summaries, and Edge Computing.\n", "Text Summaries"),
        # the same entries under a heading that names no people, or inside a sentence under one
        ("# Orca-2\n\n## Core features\n\n- Graph Mining\n- Sensor Fusion\n", "Graph Mining"),
        ("# Orca-2\n\n## Contributors\n\nWe followed the Sensor Fusion guide closely.\n", "Sensor Fusion"),
        ("The following topics are covered:\n\n- Graph Mining\n- Sensor Fusion\n", "Sensor Fusion"),
        ("Helix is developed and maintained by:\n\n- Ana Ruiz\n\nWe followed the Sensor Fusion guide closely.\n", "Sensor Fusion"),
        ("# Conference\n\n## Speakers\n\n- Human Computer Interaction\n", "Human Computer Interaction"),
        # the same cells in a column that names no people
        ("| Topic | Room |\n|---|---|\n| Sensor Fusion | Hall B |\n", "Sensor Fusion"),
        ("| Name | Value |\n|---|---|\n| Learning Rate | 0.1 |\n", "Learning Rate"),
        ("| Model | Developer |\n|---|---|\n| Orca-2 | Quillon Labs |\n", "Quillon Labs"),
    ],
)
def test_no_context_no_person(run, text, name):
    assert name not in _people(run(text))


@pytest.mark.parametrize(
    "text,person,org",
    [
        ("Mira Olsen is a professor at Eastfield University. She hired Jon Park, who had moved to Boston and joined Quillon Labs in 2019.\n", "Jon Park", "Quillon Labs"),
        ("Mira Olsen is a professor at Eastfield University. She met Jon Park who later graduated from Northfield University.\n", "Jon Park", "Northfield University"),
        ("Mira Olsen is a professor at Eastfield University. She married Ana Ruiz who received her PhD from Northfield University.\n", "Ana Ruiz", "Northfield University"),
        ("Mira Olsen is a professor at Eastfield University. Olsen met Ana Ruiz who had moved to Boston after graduating from Northfield University.\n", "Ana Ruiz", "Northfield University"),
    ],
)
def test_who_clause_is_about_its_antecedent(run, text, person, org):
    facts = {(f.subject.canonical, f.object.canonical) for f in run(text).facts}
    assert (person, org) in facts
    assert ("Mira Olsen", org) not in facts


def test_who_clause_negative_twin(run):
    """Without the clause the statement is the subject's own."""
    facts = {(f.subject.canonical, f.object.canonical) for f in run("Mira Olsen met Jon Park in Boston. She later graduated from Northfield University.\n").facts}
    assert ("Mira Olsen", "Northfield University") in facts
    assert ("Jon Park", "Northfield University") not in facts


@pytest.mark.parametrize(
    "text,people,org",
    [
        ("Karl Meyer, Jon Park and Lena Vogt joined Quillon Labs in 2020.\n", {"Karl Meyer", "Jon Park", "Lena Vogt"}, "Quillon Labs"),
        ("Karl Meyer and Jon Park both joined Northwind Labs in 2018.\n", {"Karl Meyer", "Jon Park"}, "Northwind Labs"),
        ("The first engineers, Karl Meyer, Jon Park and Lena Vogt, joined Brightwave in 2021.\n", {"Karl Meyer", "Jon Park", "Lena Vogt"}, "Brightwave"),
    ],
)
def test_coordinated_subject_shares_the_fact(run, text, people, org):
    holders = {f.subject.canonical for f in run(text).facts if f.object.canonical == org}
    assert holders == people


@pytest.mark.parametrize(
    "text,holder,other",
    [
        # negative twins: the coordination is an object, not the subject
        ("Mira Olsen joined Quillon Labs in 2020 with Karl Meyer and Jon Park.\n", "Mira Olsen", "Jon Park"),
        ("Mira Olsen hired Karl Meyer and Jon Park. She joined Quillon Labs in 2020.\n", "Mira Olsen", "Jon Park"),
    ],
)
def test_coordinated_object_keeps_the_fact(run, text, holder, other):
    holders = {f.subject.canonical for f in run(text).facts if f.object.canonical == "Quillon Labs"}
    assert holder in holders and other not in holders


QUOTED = 'Mara Lind is the new chief executive of Quillon Labs. {quote} {tail}\n'


@pytest.mark.parametrize(
    "quote,tail,speaker",
    [
        ('"I joined Northwind Labs in 2015 and led its robotics group," said Tomas Berg, who chairs the board.', "", "Tomas Berg"),
        ("“I joined Northwind Labs in 2015,” Tomas Berg said.", "", "Tomas Berg"),
        ("Tomas Berg said: “I joined Northwind Labs in 2015.”", "", "Tomas Berg"),
        # negative twin: the quotation's speaker is the subject herself
        ('"I joined Northwind Labs in 2015," she said.', "", "Mara Lind"),
    ],
)
def test_first_person_in_a_quotation_is_its_speaker(run, quote, tail, speaker):
    facts = run(QUOTED.format(quote=quote, tail=tail)).facts
    holders = {f.subject.canonical for f in facts if f.object.canonical == "Northwind Labs"}
    assert holders == {speaker}


CARDS = (
    "# Workshop on Robust Learning\n\n## Invited Speakers\n\n"
    "[Mira Olsen](https://example.org/olsen), Northfield University\n\n"
    "Mira is an associate professor at Northfield University. Her research focuses on graph learning.\n\n"
    "[Karl Meyer](https://example.org/meyer), Quillon Labs\n\n"
    "Karl is a research scientist at Quillon Labs. He received his PhD from Eastfield University.\n"
)
BIO_ITEMS = (
    "# Tutorial: Small Models\n\n### Presenters\n\n"
    "- **Mira Olsen** (Northfield University) is an associate professor. Her research interests include graph learning and model compression.\n"
    "- **Karl Meyer** (Quillon Labs) is a research scientist. He received his PhD from Eastfield University in 2018.\n"
)
BIO_OPENINGS = (
    "Ana Ruiz (Eastfield University) is a senior lecturer in statistics.\n\n"
    "Bo Lind received her PhD from Lakeside College.\n\n"
    "Cy Moss, a longtime engineer, is the chief technology officer of Quillon Labs.\n"
)


@pytest.mark.parametrize(
    "text,expected",
    [
        (CARDS, {("Mira Olsen", "Northfield University"), ("Mira Olsen", "graph learning"), ("Karl Meyer", "Quillon Labs"), ("Karl Meyer", "Eastfield University")}),
        (BIO_ITEMS, {("Mira Olsen", "graph learning"), ("Mira Olsen", "model compression"), ("Karl Meyer", "Eastfield University")}),
    ],
)
def test_speaker_layouts(run, text, expected):
    facts = {(f.subject.canonical, f.object.canonical) for f in run(text).facts}
    assert expected <= facts
    assert not any(f.relation == "author_of" for f in run(text).facts)


@pytest.mark.parametrize("name", ["Ana Ruiz", "Bo Lind", "Cy Moss"])
def test_bio_opening_marks_a_person(run, name):
    assert name in _people(run(BIO_OPENINGS))


@pytest.mark.parametrize(
    "text,name",
    [
        # negative twins: an organisation's own description, a card line nobody is named under again
        ("Quillon Robotics is a startup in Boston, and Quillon Robotics was founded by CEO Jane Roe.\n", "Quillon Robotics"),
        ("Northwind Analytics received its funding from Brightwave.\n", "Northwind Analytics"),
        ("## Partners\n\nGraph Tools, Northfield University\n\nThe toolkit is maintained by volunteers.\n", "Graph Tools"),
    ],
)
def test_no_bio_no_person(nlp_doc, text, name):
    """What the sentence says marks no one here (the subject stage may still name the page's topic)."""
    doc = nlp_doc(text)
    known = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
    assert name not in {n for _s, _e, n in context_names(doc, known)}


@pytest.mark.parametrize("text,name", [(BIO_OPENINGS, "Ana Ruiz"), (BIO_OPENINGS, "Cy Moss"), (CARDS, "Mira Olsen")])
def test_context_cue_itself(nlp_doc, text, name):
    """The positive cases through the same path as the negative twins."""
    doc = nlp_doc(text)
    known = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
    found = {n for _s, _e, n in context_names(doc, known)} | {doc.text[a:b] for a, b in known}
    assert name in found


IEEE_BIOS = (
    "Robust Graph Learning for Sensor Networks\n\nREFERENCES\n[1] A. Lee, J. Roe. Graphs. 2019.\n\n"
    "JANE ROE (M'10-SM'15) received the B.S. degree in computer science from Northfield University, in 2010, and the Ph.D. degree "
    "from Eastfield University, in 2015. She is currently an Associate Professor with Lakeside College. Her research interests include graph learning.\n\n"
    "TARIQ OSEI received the M.S. degree from Eastfield University, in 2016. He is currently a Research Scientist with Quillon Labs. "
    "His research interests include robust optimisation.\n\n"
    "LENA VOGT (Student Member, IEEE) is currently a Research Engineer with Brightwave. Her current research interests include knowledge distillation.\n"
)


@pytest.fixture(scope="module")
def run_txt():
    ex = Extractor()
    return lambda text: ex.process(Input(text, "t", "t.txt", "0" * 64, "text"))


@pytest.mark.parametrize(
    "person,obj",
    [("Jane Roe", "Lakeside College"), ("Tariq Osei", "Quillon Labs"), ("Tariq Osei", "robust optimisation"), ("Lena Vogt", "knowledge distillation"), ("Lena Vogt", "Brightwave")],
)
def test_author_bios_in_capitals(run_txt, person, obj):
    facts = {(f.subject.canonical, f.object.canonical) for f in run_txt(IEEE_BIOS).facts}
    assert (person, obj) in facts
    assert not any(s != person and o == obj for s, o in facts)


def test_cited_initials_join_the_full_name(run_txt):
    rec = run_txt(IEEE_BIOS)
    roe = [p for p in rec.people if p.canonical.endswith("Roe")]
    assert [p.canonical for p in roe] == ["Jane Roe"] and "J. Roe" in roe[0].aliases


def test_cited_initials_stay_apart_when_ambiguous(run_txt):
    """Negative twin: two people with the initial J. and the surname Roe; "J. Roe" is neither."""
    text = IEEE_BIOS.replace("TARIQ OSEI", "JOHN ROE")
    names = {p.canonical for p in run_txt(text).people}
    assert {"Jane Roe", "John Roe", "J. Roe"} <= names


WRAPPED = (
    "Robust Graph Learning for Sensor Networks\n\n"
    "Jane Roe is a research scientist at Northfield\nUniversity. She received her Ph.D. from Eastfield\n"
    "University in 2015. Her research interests include\ngraph learning and sensor networks.\n\n"
    "Tariq Osei is a senior engineer at Quillon Labs. He\nreceived his M.S. from Lakeside College in 2016. His\n"
    "research interests include robust optimisation.\n"
)


def test_hard_wrapped_bios_are_sections(run_txt):
    facts = {(f.subject.canonical, f.object.canonical) for f in run_txt(WRAPPED).facts}
    assert ("Tariq Osei", "robust optimisation") in facts
    assert ("Jane Roe", "robust optimisation") not in facts


def test_one_wrapped_bio_is_no_section(run_txt):
    """Negative twin: one person's wrapped bio, another person named inside it, makes no sections."""
    text = WRAPPED.split("\n\nTariq")[0] + " She works with Tariq Osei on\nrobust optimisation.\n"
    rec = run_txt(text)
    assert rec.subject == "Jane Roe"
    assert all(f.subject.canonical == "Jane Roe" for f in rec.facts if f.subject.label == "PERSON")


TALK_HEADINGS = (
    "# Workshop on Robust Learning\n\n### Prof. Mira Olsen (Northfield University)\n\n### Talk: Robust graphs at scale\n\n"
    "**Bio:** Dr. Olsen is an associate professor at Northfield University. Her research interests include graph learning.\n\n"
    "### Dr. Karl Meyer (Quillon Labs)\n\n### Talk: Compressing models\n\n"
    "**Bio:** Karl is a research scientist at Quillon Labs. His research interests include robust optimisation.\n"
)


def test_talk_heading_under_a_name_heading_keeps_the_section(run):
    facts = {(f.subject.canonical, f.object.canonical) for f in run(TALK_HEADINGS).facts}
    assert ("Karl Meyer", "robust optimisation") in facts and ("Mira Olsen", "robust optimisation") not in facts


def test_a_heading_after_text_closes_the_section(run):
    """Negative twin: a same-level heading after the bio ends the speaker's part; what follows is no one's bio."""
    text = TALK_HEADINGS + "\n### Venue\n\nThe workshop's research interests include robust optimisation and graph learning.\n"
    sections = {f.subject.canonical for f in run(text).facts if f.relation == "research_interest" and f.object.canonical == "graph learning"}
    assert sections == {"Mira Olsen"}


_SECTIONS_BODY = "".join(
    f"Section {i}. The toolkit schedules sparse widgets on many cores and keeps memory traffic low across devices.\n\n" for i in range(6)
)
PAPER = (
    "Sparse Widgets for Massively Threaded Architectures\nJane Roe, Tariq Osei, and Lena Vogt\n\n"
    "The widget toolkit is used in many places. Roe and Osei built the first version.\n\n" + _SECTIONS_BODY
    + "Jane Roe is a principal member of technical staff at Northfield National Laboratories. Contact her at jroe@northfield.gov.\n"
    "Tariq Osei is a research scientist at Quillon Labs. Contact him at tosei@quillon.com.\n"
    "Lena Vogt is a PhD student at Lakeside College. Contact her at lvogt@lakeside.edu.\n"
)


def test_author_bios_after_byline_and_body(run_txt):
    contacts = {(f.subject.canonical, f.object.canonical) for f in run_txt(PAPER).facts if f.relation == "contact"}
    assert contacts == {("Jane Roe", "jroe@northfield.gov"), ("Tariq Osei", "tosei@quillon.com"), ("Lena Vogt", "lvogt@lakeside.edu")}


def test_story_naming_people_throughout_has_no_sections(run_txt):
    """Negative twin: the same people named all through a story, not each in a closing bio of their own."""
    story = (
        "Jane Roe is the chief executive of Quillon Labs. Roe said the lab will grow.\n\n" + _SECTIONS_BODY
        + "Tariq Osei is the chief technology officer of Quillon Labs. Roe and Osei met in 2015.\n\n"
        "Lena Vogt is an analyst at Northwind Capital. Vogt said Roe and Osei chose well. Contact: press@quillon.com\n"
    )
    contacts = {f.subject.canonical for f in run_txt(story).facts if f.relation == "contact"}
    assert contacts <= {"Jane Roe"}


@pytest.mark.parametrize(
    "text",
    [
        "# Lab members\n\n| Name | Role |\n|---|---|\n| Lena Ortiz | Postdoc |\n| Tomas Berg | PhD student |\n",
        "# Team\n\n| Member | Position |\n|---|---|\n| Ana Ruiz | Research Scientist |\n| Jon Park | Engineer |\n",
        "# People\n\n| Name | Title |\n|---|---|\n| Mira Olsen | Lecturer |\n| Sara Lind | Master student |\n",
    ],
)
def test_a_row_of_a_table_of_people_names_no_employer(run, text):
    """A person's name in a row is no organisation of the page's owner ("Lena Ortiz | Postdoc")."""
    rec = run(text)
    people = _people(rec)
    assert len(people) == 2
    assert not [f for f in rec.facts if f.relation in ("employed_by", "educated_at") and f.object.canonical in people]


PRONOUN_PARAGRAPHS = (
    "# Authors\n\nWe list the authors below.\n\n"
    "Ana Ruiz has been a contributor to the Helix toolkit since 2015. She is also a developer of Quartz.\n\n"
    "Jon Park currently works on mesh repair at Northwind. He joined in 2019.\n\n"
    "Mira Olsen was an early user of Zephyr. Her notes shaped its design.\n"
)


@pytest.mark.parametrize("name", ["Ana Ruiz", "Jon Park", "Mira Olsen"])
def test_a_paragraph_that_goes_on_with_she_or_he_is_about_a_person(nlp_doc, name):
    doc = nlp_doc(PRONOUN_PARAGRAPHS)
    assert name in {n for _s, _e, n in context_names(doc, [])}


@pytest.mark.parametrize(
    "text,name",
    [
        # negative twins: "it" goes on; the name's own sentence holds someone else's pronoun; the name is inside its sentence
        ("# Notes\n\nWe keep notes here.\n\nGraph Mining is a field of study. It grew fast after 2010.\n", "Graph Mining"),
        ("# Notes\n\nWe keep notes here.\n\nSensor Fusion was her first course. She taught it twice.\n", "Sensor Fusion"),
        ("# Notes\n\nWe keep notes here.\n\nIn 2010 Cedar Valley was quiet. He moved there in 2011.\n", "Cedar Valley"),
    ],
)
def test_no_person_without_she_or_he_about_the_name(nlp_doc, text, name):
    doc = nlp_doc(text)
    assert name not in {n for _s, _e, n in context_names(doc, [])}
