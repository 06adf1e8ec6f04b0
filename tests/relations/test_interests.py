"""research_interest on speaker and lab bios: the topic goes to the person whose bio states it."""

from __future__ import annotations

import pytest

_PAGE = (
    "# Keynote Speakers\n\n"
    "## Oskar Lindqvist\n\n"
    "Oskar Lindqvist is a professor of widget science at Fernhill University. {first}\n\n"
    "## Amara Nwosu\n\n"
    "Amara Nwosu is a senior lecturer at Quillon University. {second}\n"
)


def _topics(facts, person):
    return {f.object.canonical for f in facts if f.relation == "research_interest" and f.subject.canonical == person}


# "interests cover" and "expertise is in": the third-person bio sentence names the topics
POSITIVE = [
    ("His interests cover widget forming, gizmo ethics and sprocket design.", "Oskar Lindqvist", {"widget forming", "gizmo ethics", "sprocket design"}),
    ("His interests cover the ethics of gizmo markets.", "Oskar Lindqvist", {"ethics of gizmo markets"}),
    ("Lindqvist’s expertise is in probabilistic sprocket models.", "Oskar Lindqvist", {"probabilistic sprocket models"}),
    # a list of single words after "... of WORD" is what the phrase is of: one topic
    ("His interests cover ethical issues arising from the intersections of law, trade, and medicine.", "Oskar Lindqvist",
     {"ethical issues arising from the intersections of law, trade, and medicine"}),
    ("His research interests include robotics, vision, and planning.", "Oskar Lindqvist", {"robotics", "vision", "planning"}),
    # "addresses a variety of X issues, including A and B": X, A and B; "best known for his work in X"
    ("His research addresses a variety of widget design issues, including tidal models and sprocket markets.", "Oskar Lindqvist",
     {"widget design", "tidal models", "sprocket markets"}),
    ("His work addresses gizmo ethics.", "Oskar Lindqvist", {"gizmo ethics"}),
    ("He is best known for his work in gizmo ethics (the project won an award), and for the creation of a dataset.", "Oskar Lindqvist",
     {"gizmo ethics"}),
    # "in particular applied to problems in X" narrows to a topic of its own
    ("Lindqvist’s expertise is in statistical models of tides, in particular applied to problems in coastal planning.", "Oskar Lindqvist",
     {"statistical models of tides", "coastal planning"}),
    # "conducting research at the intersection of A, B and C", "does research on A"
    ("He is a sprocket researcher, conducting research at the intersection of tidal models, gizmo markets, and widget design.", "Oskar Lindqvist",
     {"tidal models", "gizmo markets", "widget design"}),
    ("He does research on sprocket design and tidal models.", "Oskar Lindqvist", {"sprocket design", "tidal models"}),
    # "has published over 40 articles and two books on A, B and C": the list's last "and" joins one-word topics too
    ("He has published over 40 articles and two books on gizmo learning, search and recommendation.", "Oskar Lindqvist",
     {"gizmo learning", "search", "recommendation"}),
    ("He has written extensively about widget trade and tidal history.", "Oskar Lindqvist", {"widget trade", "tidal history"}),
    ("He has published papers on sprocket design, tides and gizmos with over 900 citations.", "Oskar Lindqvist", {"sprocket design", "tides", "gizmos"}),
    # "authoring over 200 research papers in A, B, and related fields", "has published 40 articles in A"
    ("Lindqvist has changed many lives, authoring or co-authoring over 200 research papers in widget theory, gizmo design, and related fields.",
     "Oskar Lindqvist", {"widget theory", "gizmo design"}),
    ("He has published 40 articles in sprocket engineering.", "Oskar Lindqvist", {"sprocket engineering"}),
    # "a pioneer / an authority in (the fields of) A, B and C", topics in capitals and with a digit too
    ("He is a pioneer in the fields of 3D Widget Learning, Tidal Mapping, and Sprocket Design for Robots.", "Oskar Lindqvist",
     {"3D Widget Learning", "Tidal Mapping", "Sprocket Design for Robots"}),
    ("Lindqvist is an authority in gizmo ethics.", "Oskar Lindqvist", {"gizmo ethics"}),
    # "his projects involve A, B and C", "a statistician focused on A at X" (the place is no part of the topic)
    ("His projects involve tidal computing, embedded gizmos, and widget radio.", "Oskar Lindqvist", {"tidal computing", "embedded gizmos", "widget radio"}),
    ("He is a statistician focused on sprocket mortality at Quillon Labs.", "Oskar Lindqvist", {"sprocket mortality"}),
    # "with specific interest on A including B and C": A, B and C
    ("His research interests include robotics, with specific interest on widget analysis including gizmo detection and sprocket aging.",
     "Oskar Lindqvist", {"robotics", "widget analysis", "gizmo detection", "sprocket aging"}),
    # processes that share what they are of stay one topic
    ("He is particularly interested in the development and application of statistical methods in tidal sequencing.", "Oskar Lindqvist",
     {"development and application of statistical methods in tidal sequencing"}),
    ("His expertise includes analysis, integration and interpretation of widget data.", "Oskar Lindqvist",
     {"analysis, integration and interpretation of widget data"}),
    # "X is an expert in A and B, with an extensive publication record ..." (the record is no topic), references in brackets
    ("Lindqvist is an expert in widget forming [Lin16, Lin17], gizmo ethics, and tidal learning, with an extensive publication record "
     "that includes two paper awards.", "Oskar Lindqvist", {"widget forming", "gizmo ethics", "tidal learning"}),
    # "has extensive experience in A and B research, including foundational experience in C"
    ("Lindqvist has extensive experience in sprocket design and tidal forecasting research, including foundational experience in "
     "cross-lingual and cross-task gizmo transfer models.", "Oskar Lindqvist",
     {"sprocket design", "tidal forecasting", "cross-lingual and cross-task gizmo transfer models"}),
    ("In the last years, Lindqvist worked on various practical aspects of gizmo search systems.", "Oskar Lindqvist", {"gizmo search systems"}),
    ("His research interests are in the broad areas of Widget Retrieval, Extraction & Access.", "Oskar Lindqvist", {"Widget Retrieval", "Extraction", "Access"}),
    # an infinitive's two verbs stay one topic; "with a specific focus on B" names a topic of its own
    ("His current research efforts include teaching robots to collaborate and compete in board games, and building gizmo chatbots.",
     "Oskar Lindqvist", {"teaching robots to collaborate and compete in board games", "gizmo chatbots"}),
    ("The main application domain for his research are context-aware widget systems with a specific focus on the tidal ecosystem.",
     "Oskar Lindqvist", {"context-aware widget systems", "tidal ecosystem"}),
]

# negative twins: the same words that state no topic of the person
NEGATIVE = [
    ("His insurance covers widget forming, gizmo ethics and sprocket design.", "Oskar Lindqvist"),
    ("The course covers the ethics of gizmo markets.", "Oskar Lindqvist"),
    ("Lindqvist’s office is in the sprocket building.", "Oskar Lindqvist"),
    ("His teaching covers ethical issues arising from the intersections of law, trade, and medicine.", "Oskar Lindqvist"),
    ("He is in particular known for problems in coastal planning.", "Oskar Lindqvist"),
    ("His letter addresses a variety of widget design issues, including tidal models.", "Oskar Lindqvist"),
    ("He is best known for his love of gizmo ethics.", "Oskar Lindqvist"),
    ("He is best known for his contribution to gizmo ethics.", "Oskar Lindqvist"),
    # a cue word inside a longer word is no cue: "network is", "homework covers", "coursework includes"
    ("Tuning his network is quite challenging.", "Oskar Lindqvist"),
    ("His homework covers sprocket design.", "Oskar Lindqvist"),
    ("The coursework includes widget forming and gizmo ethics.", "Oskar Lindqvist"),
    ("He published two articles on Monday.", "Oskar Lindqvist"),
    ("He has published many papers on the topics that matter.", "Oskar Lindqvist"),
    ("He conducted research at the University of Tarn.", "Oskar Lindqvist"),
    ("He is a leader in the company and a pioneer in many ways.", "Oskar Lindqvist"),
    ("He is an expert in the field.", "Oskar Lindqvist"),
    ("He has published 50 papers in top venues.", "Oskar Lindqvist"),
    ("He published two papers in Nature and Science.", "Oskar Lindqvist"),
    ("He has published papers in journals.", "Oskar Lindqvist"),
    ("He has extensive experience in leading teams.", "Oskar Lindqvist"),
    ("He worked on many aspects of the move.", "Oskar Lindqvist"),
    ("His work involves travel to Oslo.", "Oskar Lindqvist"),
    ("He is a person focused on the goal.", "Oskar Lindqvist"),
    # a research centre set up "to focus on" something is the centre's, and a journal after "including" is no topic
    ("Quillon has established a widget research center to focus on tidal models including sprocket design.", "Oskar Lindqvist"),
    ("He has published in renowned conferences and journals including Widget Review Letters.", "Oskar Lindqvist"),
]


@pytest.mark.parametrize(("sentence", "person", "topics"), POSITIVE)
def test_bio_topics_go_to_the_section_person(facts_of, sentence, person, topics):
    facts = facts_of(_PAGE.format(first=sentence, second="Her research focuses on tidal gizmos."), "markdown")
    assert topics <= _topics(facts, person)
    assert not topics & _topics(facts, "Amara Nwosu")
    assert _topics(facts, "Amara Nwosu") == {"tidal gizmos"}


@pytest.mark.parametrize(("sentence", "person"), NEGATIVE)
def test_negative_twin_states_no_topic(facts_of, sentence, person):
    facts = facts_of(_PAGE.format(first=sentence, second="Her research focuses on tidal gizmos."), "markdown")
    assert _topics(facts, person) == set()


# "A, B and C work on projects ranging from X to Y": both ends are topics of each person named
RANGE = [
    ("Oskar Lindqvist, Amara Nwosu and Petra Holm currently work on projects ranging from tidal models to widget design.",
     {"Oskar Lindqvist", "Amara Nwosu", "Petra Holm"}, {"tidal models", "widget design"}),
    ("Oskar Lindqvist and Amara Nwosu work on problems ranging from gizmo ethics to sprocket markets.",
     {"Oskar Lindqvist", "Amara Nwosu"}, {"gizmo ethics", "sprocket markets"}),
    ("Petra Holm is a chemist. She works on topics ranging from the theory of widgets to tidal energy.",
     {"Petra Holm"}, {"theory of widgets", "tidal energy"}),
]

RANGE_NEGATIVE = [
    "Oskar Lindqvist, Amara Nwosu and Petra Holm sell gizmos at prices ranging from ten to twenty euros.",
    "Oskar Lindqvist and Amara Nwosu work on projects in Lagos.",
    "Petra Holm travels on routes ranging from Oslo to Lagos.",
]


@pytest.mark.parametrize(("sentence", "people", "topics"), RANGE)
def test_range_of_topics(facts_of, sentence, people, topics):
    facts = facts_of(sentence)
    for person in people:
        assert topics <= _topics(facts, person)


@pytest.mark.parametrize("sentence", RANGE_NEGATIVE)
def test_range_negative_twin(facts_of, sentence):
    assert not any(f.relation == "research_interest" for f in facts_of(sentence))


# "His interests cover X. This includes Y and Z.": the next sentence continues the list
CONTINUED = [
    ("His interests cover trade theory. This includes the ethics of widget markets and critical approaches to gizmo design.",
     {"trade theory", "ethics of widget markets", "critical approaches to gizmo design"}),
    ("His research focuses on tidal models. These include coastal flooding and harbour design.",
     {"tidal models", "coastal flooding", "harbour design"}),
    ("His research interests include sprocket markets. It also covers gizmo ethics.", {"sprocket markets", "gizmo ethics"}),
]

CONTINUED_NEGATIVE = [
    "His office is in the sprocket building. This includes the ethics of widget markets and critical approaches to gizmo design.",
    "He lives near the harbour. These include coastal flooding and harbour design.",
    "He teaches two courses. It also covers gizmo ethics.",
]


@pytest.mark.parametrize(("sentence", "topics"), CONTINUED)
def test_list_continued_in_next_sentence(facts_of, sentence, topics):
    facts = facts_of(_PAGE.format(first=sentence, second="Her research focuses on tidal gizmos."), "markdown")
    assert topics <= _topics(facts, "Oskar Lindqvist")


@pytest.mark.parametrize("sentence", CONTINUED_NEGATIVE)
def test_continuation_needs_an_interest_sentence(facts_of, sentence):
    facts = facts_of(_PAGE.format(first=sentence, second="Her research focuses on tidal gizmos."), "markdown")
    assert _topics(facts, "Oskar Lindqvist") == set()


_HOMEPAGE = "# Mira Castell\n\nI am a research scientist at Kestrel Labs, advised by Tom Berg. {sentence}\n"

# first-person homepage cues: "I am working on", "a research scientist at X working on", a labelled line
FIRST_PERSON = [
    ("I am currently working on sparse gizmo routing.", {"sparse gizmo routing"}),
    ("Currently I'm working on tidal forecasting, widget search and sprocket design.", {"tidal forecasting", "widget search", "sprocket design"}),
    ("Research interests: gizmo ethics; widget search; robotics", {"gizmo ethics", "widget search", "robotics"}),
    # "I study A and B", "I investigate A", "I mainly explore A"
    ("I study tidal forecasting and widget search, with a focus on sprocket design.", {"tidal forecasting", "widget search", "sprocket design"}),
    ("I investigate gizmo ethics and robot learning.", {"gizmo ethics", "robot learning"}),
    ("I mainly explore sparse gizmo routing.", {"sparse gizmo routing"}),
    # a field's name, then a compound of its own ("macroeconomics and public finance"); "vision and language models" stays one
    ("I study widgetonomics and public gizmos, with a focus on tidal policy.", {"widgetonomics", "public gizmos", "tidal policy"}),
    ("I study vision and language models.", {"vision and language models"}),
    # "My research focus is A" (the noun "focus", not the verb)
    ("My research focus is tidal forecasting and its application in real-world problems.", {"tidal forecasting"}),
    ("My main focus is widget search.", {"widget search"}),
    # "I am focusing on A", "she is mainly working on A" in the progressive
    ("I am focusing on tidal forecasting (TF) and widget search.", {"tidal forecasting", "widget search"}),
    ("I'm currently focusing on gizmo ethics.", {"gizmo ethics"}),
    # a cue that ends in a colon over bullets, each naming its topic before a colon
    ("My research interests lie in:\n- Sprocket Design: making sprockets last.\n- Widget Search: finding widgets fast.\n", {"Sprocket Design", "Widget Search"}),
]

FIRST_PERSON_NEGATIVE = [
    "I am working on a book about my travels.",
    "I am working on it.",
    "My office: Room 301, Kestrel Hall",
    # the same verbs of a place, a past education or a thing
    "I study at Kestrel University.",
    "I studied physics at Eastfield University.",
    "I study in Paris during the summer.",
    "I explore the city on weekends.",
    "My main focus is to finish my degree.",
    "I am focusing on my family this year.",
    "My research interests lie in:\n\nWe thank our sponsors.\n",
    "In this talk we investigate widget search in small regimes.",  # a talk's "we" is no person's interest
]


@pytest.mark.parametrize(("sentence", "topics"), FIRST_PERSON)
def test_first_person_topics_are_the_owner_s(facts_of, sentence, topics):
    facts = facts_of(_HOMEPAGE.format(sentence=sentence), "markdown")
    assert topics <= _topics(facts, "Mira Castell")
    assert not _topics(facts, "Tom Berg")  # the person named last is not the one who speaks


@pytest.mark.parametrize("sentence", FIRST_PERSON_NEGATIVE)
def test_first_person_negative_twin(facts_of, sentence):
    assert not _topics(facts_of(_HOMEPAGE.format(sentence=sentence), "markdown"), "Mira Castell")


def test_title_at_organisation_working_on(facts_of):
    facts = facts_of("# Mira Castell\n\nMira Castell is a research scientist at Kestrel Labs working on widget search and sprocket design.\n", "markdown")
    assert {"widget search", "sprocket design"} <= _topics(facts, "Mira Castell")


def test_every_cue_holds_one_of_the_cue_words() -> None:
    """`interest_sentences` scans only lines holding a cue word: every cue found anywhere in the
    seeds, the development pages and the test sources must hold one (a new cue adds its word)."""
    from pathlib import Path

    from pipeline.relations.interests import _CUE, _CUE_WORDS

    root = Path(__file__).resolve().parents[2]
    files = [*(root / "seeds").iterdir(), *(root / "tests").rglob("*.py"), *((root.parent / "shared" / "corpus" / "dev").glob("*"))]
    found = 0
    for path in files:
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for line in text.split("\n"):
            for m in _CUE.finditer(line):
                found += 1
                assert any(w.start() < m.end() for w in _CUE_WORDS.finditer(line, m.start())), (path.name, m.group())
    assert found > 100


_BULLETED = """# Oskar Lindqvist

Oskar Lindqvist is a scientist at Quillon Hospital. His expertise includes analysis of widget data:

- WID-Seq, scWID-Seq
- Security, Privacy, Copyright of Gizmos
- Phylogenetic analysis

## Education

- PhD, Tarn University, Tarn (2015)
"""


def test_a_cue_line_ending_in_a_colon_reads_the_bullets_under_it(facts_of):
    """Each bullet names topics (several when it lists them with commas, one when they share "of X");
    the bullets of the next section are not the cue's."""
    assert _topics(facts_of(_BULLETED, "markdown"), "Oskar Lindqvist") == {
        "analysis of widget data", "WID-Seq", "scWID-Seq", "Security, Privacy, Copyright of Gizmos", "Phylogenetic analysis"}
