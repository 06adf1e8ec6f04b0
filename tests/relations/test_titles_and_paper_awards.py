"""Named chairs, units at their host, campus names, titles heading an organisation, paper-award marks and
year-suffixed awards: three sentences each in the construction, and a twin that must give nothing."""

from __future__ import annotations

import pytest


def _has(facts, relation, subject, obj, **quals):
    for f in facts:
        if f.relation == relation and f.subject.canonical == subject and (f.object.canonical or f.object.text) == obj:
            q = f.qualifiers.model_dump()
            if all(q.get(k) == v for k, v in quals.items()):
                return True
    return False


POSITIVE = [
    # two titles joined by "and the": the first unit's name ends before the second title
    ("Omar Fitch is a Professor at Tarn University, currently serving as the Head of Language Research Centre and the Head of Speech Processing Lab.",
     "leads", "Omar Fitch", "Speech Processing Lab", {"role": "Head"}),
    ("Omar Fitch is a Professor at Tarn University, currently serving as the Head of Language Research Centre and the Head of Speech Processing Lab.",
     "leads", "Omar Fitch", "Language Research Centre", {"role": "Head"}),
    ("Omar Fitch works at the Centre for Law and Economics.", "employed_by", "Omar Fitch", "Centre for Law and Economics", {}),
    # abbreviated academic titles: one title, the sentence not broken at "Asst."
    ("Omar Fitch was an Assoc. Prof. at Brandt University from 2010 to 2014.",
     "employed_by", "Omar Fitch", "Brandt University", {"title": "Assoc. Prof.", "start": "2010", "end": "2014"}),
    ("Lena Vogt teaches in Tarn. Previously, she was an Asst. Prof. at Kestrel University in the Media Department.",
     "employed_by", "Lena Vogt", "Kestrel University", {"title": "Asst. Prof."}),
    ("Dr. Mira Olsen is an Associate Prof. of Physics at Northfield University.",
     "employed_by", "Mira Olsen", "Northfield University", {}),
    # a named chair after "inaugural"/"endowed"; a unit "in the X Department at Y": Y employs
    ("Mara Lind is the inaugural Sequoia Professor in the Computer Science Department at Eastfield University.",
     "employed_by", "Mara Lind", "Eastfield University", {"title": "inaugural Sequoia Professor"}),
    ("Tomas Ferreira is the endowed Halvorsen Professor of Physics at Lakeside College.",
     "employed_by", "Tomas Ferreira", "Lakeside College", {"title": "endowed Halvorsen Professor of Physics"}),
    ("Ines Corvo was the inaugural Brightwell Professor at Northfield University.",
     "employed_by", "Ines Corvo", "Northfield University", {"title": "inaugural Brightwell Professor"}),
    ("Mara Lind is a Professor in the Physics Department at Eastfield University.",
     "employed_by", "Mara Lind", "Eastfield University", {"title": "Professor"}),
    # units joined by "and" at their host: the host employs
    ("Mara Lind is an Assistant Professor at the Computer Science and Engineering Department and Halvorsen Data Science Institute at the University of Eastfield, San Marco.",
     "employed_by", "Mara Lind", "University of Eastfield", {"title": "Assistant Professor"}),
    ("Tomas Berg is a professor at the Physics Department and Quantum Institute at Lakeside University.",
     "employed_by", "Tomas Berg", "Lakeside University", {"title": "professor"}),
    ("Omar Said is a researcher at the Robotics Institute and Vision Lab at Brightwell College.",
     "employed_by", "Omar Said", "Brightwell College", {"title": "researcher"}),
    # a title before "of" an organisation written with a possessive: the title is no part of its name, and the unit goes by its own
    ("Mara Lind is a Professor at Eastfield University, and Co-Director of Eastfield's Robotics Institute.",
     "leads", "Mara Lind", "Eastfield Robotics Institute", {"role": "Co-Director"}),
    ("Tomas Ferreira is the Director of Brightwell's Robotics Institute.",
     "employed_by", "Tomas Ferreira", "Brightwell Robotics Institute", {"title": "Director"}),
    ("Ines Corvo serves as Director of Northfield's Data Science Center.",
     "leads", "Ines Corvo", "Northfield Data Science Center", {"role": "Director"}),
    # a university's campus after "at" is part of its name
    ("Mara Lind obtained her Ph.D. from the University of Illinois at Urbana-Champaign in 2019.",
     "educated_at", "Mara Lind", "University of Illinois at Urbana-Champaign", {"degree": "Ph.D.", "end": "2019"}),
    ("Tomas Ferreira is an assistant professor at the University of North Carolina at Chapel Hill.",
     "employed_by", "Tomas Ferreira", "University of North Carolina at Chapel Hill", {"title": "assistant professor"}),
    ("Ines Corvo received her PhD from the University of Texas at Austin and joined Quillon.",
     "educated_at", "Ines Corvo", "University of Texas at Austin", {"degree": "PhD"}),
    # "and a TITLE at ORG" after an employer: two jobs
    ("Mara Lind is an associate professor at the Eastfield University and a faculty researcher at Quillon Labs.",
     "employed_by", "Mara Lind", "Eastfield University", {"title": "associate professor"}),
    ("Mara Lind is an associate professor at the Eastfield University and a faculty researcher at Quillon Labs.",
     "employed_by", "Mara Lind", "Quillon Labs", {"title": "faculty researcher"}),
    ("Omar Said is a professor at Brightwell University and a member of the Quillon Society.",
     "employed_by", "Omar Said", "Brightwell University", {"title": "professor"}),
    # "jointly appointed by A and B": employed by each; "X and Y Department" stays one unit
    ("Mara Lind is an Associate Professor at Eastfield University jointly appointed by Computer Science and Halvorsen Data Science Institute.",
     "employed_by", "Mara Lind", "Computer Science", {}),
    ("Mara Lind is an Associate Professor at Eastfield University jointly appointed by Computer Science and Halvorsen Data Science Institute.",
     "employed_by", "Mara Lind", "Halvorsen Data Science Institute", {}),
    ("Tomas Berg is a lecturer at Lakeside College, appointed in Applied Physics and the Quillon Materials Research Center.",
     "employed_by", "Tomas Berg", "Quillon Materials Research Center", {}),
    ("Mara Lind is a professor at Eastfield University, affiliated with the Computer Science and Engineering Department.",
     "employed_by", "Mara Lind", "Computer Science and Engineering Department", {}),
    # "the founding Director of X AI Research and of Y": a name running past the title is no field
    ("Mara Lind was the founding Director of Quillon AI Research and of the Eastfield Center for Data Science.",
     "leads", "Mara Lind", "Quillon AI Research", {"role": "founding Director"}),
    ("Mara Lind was the founding Director of Quillon AI Research and of the Eastfield Center for Data Science.",
     "leads", "Mara Lind", "Eastfield Center for Data Science", {"role": "founding Director"}),
    ("Mara Lind is the Director of Applied Machine Learning Research at Eastfield University.",
     "employed_by", "Mara Lind", "Eastfield University", {"title": "Director of Applied Machine Learning Research"}),
    # "..., reporting (directly) to P"
    ("In June 2017, Mara Lind joined Quillon as Senior Director of Robotics, reporting directly to Omar Said.",
     "reports_to", "Mara Lind", "Omar Said", {}),
    ("Tomas Berg leads the lab, reporting to Omar Said.",
     "reports_to", "Tomas Berg", "Omar Said", {}),
    ("Mara Lind was hired in 2019, reporting to Tomas Berg at first.",
     "reports_to", "Mara Lind", "Tomas Berg", {}),
    # "moved from ORG to ...": the previous employer, unless a place
    ("Mara Lind is a physicist. She recently moved from the University of North Carolina at Chapel Hill to the University of Toronto.",
     "employed_by", "Mara Lind", "University of North Carolina at Chapel Hill", {}),
    ("Omar Said transferred from Quillon Labs to Brightwell in 2012.",
     "employed_by", "Omar Said", "Quillon Labs", {}),
    ("Tomas Berg came over from Lakeside College in 2015.",
     "employed_by", "Tomas Berg", "Lakeside College", {}),
    # "completed her undergraduate studies in physics at X"
    ("Born in Lagos, Mara Lind completed her undergraduate studies in physics at Eastfield University and earned her Ph.D. in chemistry from Lakeside College.",
     "educated_at", "Mara Lind", "Eastfield University", {"degree": "undergraduate", "field": "physics"}),
    ("Tomas Berg did his graduate studies at Quillon University.",
     "educated_at", "Tomas Berg", "Quillon University", {"degree": "graduate"}),
    ("Omar Said pursued his doctoral studies in economics at the University of Porto.",
     "educated_at", "Omar Said", "University of Porto", {"degree": "doctoral", "field": "economics"}),
    # "P, the physicist who later won X": the relative clause is about P; "shared the X Medal"
    ("Tomas Berg met Omar Said, the physicist who later won the Lakeside Prize in 2020.",
     "award_received", "Omar Said", "Lakeside Prize", {"date": "2020"}),
    ("Mara Lind shared the 2019 Eastfield Medal with Tomas Berg.",
     "award_received", "Mara Lind", "Eastfield Medal", {"date": "2019"}),
    ("Mara Lind thanked Omar Said, a chemist who also received the Quillon Award in 2011.",
     "award_received", "Omar Said", "Quillon Award", {"date": "2011"}),
    # "joined X in 1988, and Y in 1996 as TITLE": Y too, with its date and title
    ("Mara Lind joined Quillon Bell Labs in 1988, and Quillon Labs in 1996 as Head of Image Processing Research.",
     "employed_by", "Mara Lind", "Quillon Labs", {"title": "Head of Image Processing Research", "start": "1996"}),
    ("Tomas Berg joined Brightwell in 2001 and then Lakeside Labs in 2005.",
     "employed_by", "Tomas Berg", "Lakeside Labs", {"start": "2005"}),
    ("Omar Said joined Northwind Research in 2003, and Eastfield University in 2008 as a lecturer.",
     "employed_by", "Omar Said", "Eastfield University", {"title": "lecturer", "start": "2008"}),
    ("Mara Lind joined Quillon Bell Labs in 1988, and Quillon Labs in 1996 as Head of Image Processing Research.",
     "leads", "Mara Lind", "Image Processing Research", {"role": "Head", "start": "1996"}),
    # "ORG, where she served as TITLE": ORG employs
    ("Mara Lind founded Brightwell in 2024 after departing from Quillon, where she served as co-founder and Chief Scientist for nearly a decade.",
     "employed_by", "Mara Lind", "Quillon", {"title": "co-founder and Chief Scientist"}),
    ("Tomas Berg moved to Lakeside College, where he is now a Professor of Physics.",
     "employed_by", "Tomas Berg", "Lakeside College", {"title": "Professor of Physics"}),
    ("Omar Said studied at Eastfield University, where he worked as a research assistant.",
     "employed_by", "Omar Said", "Eastfield University", {"title": "research assistant"}),
    # "joined ORG as a partner and became president in 2014": a second title at ORG
    ("In 2011, Mara Lind joined Quillon as a partner and became president in 2014, aiming to fund startups.",
     "employed_by", "Mara Lind", "Quillon", {"title": "president", "start": "2014"}),
    ("Tomas Berg joined Brightwell Labs as an engineer and later became CTO.",
     "employed_by", "Tomas Berg", "Brightwell Labs", {"title": "CTO"}),
    ("Omar Said joined Northwind in 2001 and was promoted to director in 2005.",
     "employed_by", "Omar Said", "Northwind", {"title": "director"}),
    # "returned to ORG": employed there again, from that date
    ("Mara Lind is a physicist. She returned to Quillon in February 2023, working on robotics before leaving.",
     "employed_by", "Mara Lind", "Quillon", {"start": "2023-02"}),
    ("Tomas Berg returned to Brightwell Labs as a research scientist in 2019.",
     "employed_by", "Tomas Berg", "Brightwell Labs", {"title": "research scientist", "start": "2019"}),
    ("Omar Said returned to the Eastfield Institute in 2012.",
     "employed_by", "Omar Said", "Eastfield Institute", {"start": "2012"}),
    # "a founding member of ORG in DATE": a job, dated; the date after "in" is no organisation of a title's field
    ("Mara Lind was a founding member of Quillon in December 2015, serving as a research scientist until 2017.",
     "employed_by", "Mara Lind", "Quillon", {"title": "founding member", "start": "2015-12"}),
    ("Tomas Berg is a founding member of Brightwell Labs.",
     "employed_by", "Tomas Berg", "Brightwell Labs", {"title": "founding member"}),
    ("Omar Said became a founding member of the Northwind Robotics Group in 2019.",
     "employed_by", "Omar Said", "Northwind Robotics Group", {"title": "founding member", "start": "2019"}),
    ("Mara Lind is Professor of Physics in the Department of Chemistry at Eastfield University.",
     "employed_by", "Mara Lind", "Eastfield University", {"title": "Professor of Physics"}),
    # "Chief Scientist of AI/ML at ORG": a slash inside the title's field
    ("Mara Lind was the Chief Scientist of AI/ML at Quillon Cloud, where she helped guide research.",
     "employed_by", "Mara Lind", "Quillon Cloud", {}),
    ("Tomas Berg is the Director of AR/VR at Brightwell Labs.",
     "employed_by", "Tomas Berg", "Brightwell Labs", {}),
    ("Omar Said is Head of UX/UI research at Northwind Labs.",
     "employed_by", "Omar Said", "Northwind Labs", {}),
    # research interests: "through her research in A, B and C", "particularly in the fields of A and B"
    ("Mara Lind continues to shape the future of AI through her research in visual intelligence, robotics perception, and cognition-inspired machine learning.",
     "research_interest", "Mara Lind", "robotics perception", {}),
    ("Mara Lind is one of the most influential figures in modern AI, particularly in the fields of computer vision and cognitive science.",
     "research_interest", "Mara Lind", "cognitive science", {}),
    ("Tomas Berg advanced the field through his research on graph mining and causal inference.",
     "research_interest", "Tomas Berg", "graph mining", {}),
    # "her lab studies X": a question ("how ...") is one topic whatever its commas
    ("Mara Lind is a professor at Eastfield University. Her lab studies how robots learn, plan, and cooperate with people, with an emphasis on safe exploration.",
     "research_interest", "Mara Lind", "how robots learn, plan, and cooperate with people", {}),
    ("Mara Lind is a professor at Eastfield University. Her lab studies how robots learn, plan, and cooperate with people, with an emphasis on safe exploration.",
     "research_interest", "Mara Lind", "safe exploration", {}),
    ("Tomas Berg is a professor at Eastfield University. His group investigates graph mining and causal inference.",
     "research_interest", "Tomas Berg", "causal inference", {}),
    ("Omar Said is a professor at Eastfield University. His research focuses on why models fail, especially on distribution shift.",
     "research_interest", "Omar Said", "why models fail", {}),
    # "the study of X with applications in Y": X and Y are topics
    ("Mara Lind is a professor at Eastfield University. Her research interest is in the study of language models with applications in controllable text generation, efficient inference, and applications in summarization.",
     "research_interest", "Mara Lind", "study of language models", {}),
    ("Mara Lind is a professor at Eastfield University. Her research interest is in the study of language models with applications in controllable text generation, efficient inference, and applications in summarization.",
     "research_interest", "Mara Lind", "controllable text generation", {}),
    ("Mara Lind is a professor at Eastfield University. Her research interest is in the study of language models with applications in controllable text generation, efficient inference, and applications in summarization.",
     "research_interest", "Mara Lind", "summarization", {}),
    ("Tomas Berg is a professor at Eastfield University. His research interests include graph theory with broad applications to chemistry.",
     "research_interest", "Tomas Berg", "chemistry", {}),
    # "X especially Y", "X, particularly Y": both topics
    ("Mara Lind is a professor at Eastfield University. Her current research interests include robust AI, computer vision and healthcare especially ambient intelligent systems for healthcare delivery.",
     "research_interest", "Mara Lind", "ambient intelligent systems for healthcare delivery", {}),
    ("Tomas Berg is a professor at Eastfield University. His research interests include optimization, particularly convex optimization.",
     "research_interest", "Tomas Berg", "convex optimization", {}),
    ("Tomas Berg is a professor at Eastfield University. His research interests include optimization, particularly convex optimization.",
     "research_interest", "Tomas Berg", "optimization", {}),
    # one word, or two joined by "+", is a topic however the tagger reads it
    ("Mara Lind is a professor at Eastfield University. Her current research interests include robust AI, computer vision and AI+healthcare especially ambient intelligent systems.",
     "research_interest", "Mara Lind", "AI+healthcare", {}),
    ("Tomas Berg is a professor at Eastfield University. His research interests include robotics, he says.",
     "research_interest", "Tomas Berg", "robotics", {}),
    # "one of the most influential figures in modern X and Y", "a leading researcher in X"
    ("Mara Lind is one of the most influential figures in modern artificial intelligence and deep learning. She is the co-founder of Quillon.",
     "research_interest", "Mara Lind", "deep learning", {}),
    ("Tomas Berg is a leading researcher in computational biology.",
     "research_interest", "Tomas Berg", "computational biology", {}),
    ("Omar Said is a prominent voice in the field of robotics.",
     "research_interest", "Omar Said", "robotics", {}),
    # "served as ORG TITLE", "was ORG TITLE": no article needed before a company's title
    ("Mara Lind also briefly served as Quillon CEO for eight days in 2014.",
     "employed_by", "Mara Lind", "Quillon", {"title": "CEO"}),
    ("Tomas Berg served as Brightwell CTO from 2010 to 2012.",
     "employed_by", "Tomas Berg", "Brightwell", {"title": "CTO"}),
    ("Omar Said was Northwind CEO until 2019.",
     "employed_by", "Omar Said", "Northwind", {"title": "CEO"}),
    # "the 2018 X Award (with A and B)": shared with the people in the parentheses
    ("Mara Lind is the recipient of the 2018 Brightwell Award (with Tomas Berg and Omar Said) for work on graphs.",
     "award_received", "Tomas Berg", "Brightwell Award", {"date": "2018"}),
    ("Mara Lind is the recipient of the 2018 Brightwell Award (with Tomas Berg and Omar Said) for work on graphs.",
     "award_received", "Omar Said", "Brightwell Award", {"date": "2018"}),
    ("Mara Lind received the Eastfield Prize (shared with Tomas Berg) in 2020.",
     "award_received", "Tomas Berg", "Eastfield Prize", {}),
    # "conducted her post-doctoral research in the Department of X, Y University": Y employs
    ("Mara Lind received her Ph.D. from Eastfield University in 2008, and then conducted her post-doctoral research in the Department of Machine Learning, Lakeside University, between 2008 and 2011.",
     "employed_by", "Mara Lind", "Lakeside University", {"title": "postdoc"}),
    ("Omar Said completed postdoctoral research at Quillon Institute in 2015.",
     "employed_by", "Omar Said", "Quillon Institute", {"title": "postdoc"}),
    ("Tomas Berg did his postdoc at Brightwell University.",
     "employed_by", "Tomas Berg", "Brightwell University", {"title": "postdoc"}),
    # "Her doctoral thesis, "T," was supervised by P": the thesis is hers
    ('Mara Lind studied at Eastfield University. Her doctoral thesis, "Learning Sparse Graphs from Noisy Data," was supervised by Omar Said.',
     "author_of", "Mara Lind", "Learning Sparse Graphs from Noisy Data", {}),
    ('Tomas Berg studied physics. His PhD thesis, "Robust Routing for Small Robots", won a prize.',
     "author_of", "Tomas Berg", "Robust Routing for Small Robots", {}),
    ('Omar Said studied in Porto. His dissertation, "Cheap Labels for Good Models," was published in 2012.',
     "author_of", "Omar Said", "Cheap Labels for Good Models", {}),
    # a year suffix on one award of an enumeration does not end it
    ("Mara Lind is the recipient of the KDD’16 Best Student Paper Award, Quillon Career Award’14, and SDM’10 Best Paper Award.",
     "award_received", "Mara Lind", "SDM’10 Best Paper Award", {}),
    ("Tomas Berg received the Brightwell Medal'19 and the Eastfield Prize in 2020.",
     "award_received", "Tomas Berg", "Eastfield Prize", {"date": "2020"}),
    # an enumeration goes on past "Runner-up in 2020", "at Venue (V)", and takes honours named for their holder
    ("Mara Lind studies graphs. Her research has been recognized by many awards, including Brightwell Dissertation Award Runner-up in 2020, Quillon Research Scholar in 2021, and NSF CAREER award in 2023.",
     "award_received", "Mara Lind", "NSF CAREER award", {"date": "2023"}),
    ("Mara Lind studies graphs. Her research has been recognized by many awards, including Brightwell Dissertation Award Runner-up in 2020, Quillon Research Scholar in 2021, and NSF CAREER award in 2023.",
     "award_received", "Mara Lind", "Quillon Research Scholar", {"date": "2021"}),
    ("Tomas Berg's work has been recognized with honors including the NSF CAREER Award, Best Poster Award (Runner-up) at The Eastfield Conference (EC), and Quillon PhD Fellow.",
     "award_received", "Tomas Berg", "Quillon PhD Fellow", {}),
    ("Mara Lind won the Lakeside Prize’18, the Quillon Medal and the Northfield Award.",
     "award_received", "Mara Lind", "Northfield Award", {}),
]

NEGATIVE = [
    ("Omar Fitch studied under Prof. Ada Quist at Brandt University.", "employed_by"),
    ("The inaugural Sequoia lecture at Eastfield University was given in May.", "employed_by"),
    ("The Robotics Institute of Eastfield's Engineering School hired ten people.", "employed_by"),
    ("Omar Said was a visiting student at the University of Toronto at the time.", None),
    ("Omar Said returned to Toronto in 2015 after his PhD.", "employed_by"),
    ("Mara Lind funded her research in 2019 through a grant.", "research_interest"),
    ("Mara Lind is a member of the Quillon Society.", "employed_by"),
    ("Mara Lind is a professor. Her lab studies in the new building.", "research_interest"),
    ("Mara Lind is a leading researcher in the lab.", "research_interest"),
    ("Mara Lind has served as Board Director of seven listed companies.", "employed_by"),
    ("Tomas Berg is Director of Research.", "employed_by"),
    ("Tomas Berg is a professor at Eastfield University. His research interests include robotics, he says.", "research_interest:he says"),
    ("Omar Said visited Quillon and became a director of Brightwell.", "employed_by:Quillon"),
    ("Mara Lind visited the Quillon Institute in Paris, where she was a guest speaker.", "employed_by"),
    ("Omar Said joined Quillon in 2010 and Mara Lind joined later.", "employed_by:Mara Lind"),
    ("Mara Lind joined Quillon in 2010, and London in 2012.", "employed_by:London"),
    ("Tomas Berg met Omar Said, the physicist who later won the Lakeside Prize in 2020.", "award_received:Tomas Berg"),
    ("Mara Lind shared the office with Tomas Berg.", "award_received"),
    ("Mara Lind completed her studies at home in Porto.", "educated_at"),
    ("Tomas Berg moved from Beijing to Toronto in 2010.", "employed_by"),
    ("Mara Lind spent a year reporting to the board.", "reports_to"),
    ('Omar Said advised many students. Their dissertation, "Cheap Labels for Good Models," won an award.', "author_of"),
    ("Mara Lind conducted her doctoral research in the Department of Physics, Lakeside University.", "employed_by"),
    ("Tomas Berg said the Eastfield Prize (with honours) went to Omar Said's team.", "award_received:Eastfield Prize"),
    ("Omar Said received the Lakeside Prize and was a Research Fellow at Quillon.", "award_received:Research Fellow"),
    ("The Quillon Career Award’14 went to a team from Brightwell.", "award_received"),
]


@pytest.mark.parametrize("text,relation,subject,obj,quals", POSITIVE)
def test_construction(extract, text, relation, subject, obj, quals):
    facts = extract(text)
    assert _has(facts, relation, subject, obj, **quals), [(f.relation, f.subject.canonical, f.object.canonical, f.qualifiers.model_dump(exclude_none=True)) for f in facts]


@pytest.mark.parametrize("text,relation", NEGATIVE)
def test_negative_twin(extractor, text, relation):
    from pipeline.extract import Input

    rec = extractor.process(Input(text, "t", "t.txt", "0" * 64, "text"))
    assert rec.status == "ok", rec.error  # nothing found because nothing is there, not because the run failed
    facts = rec.facts
    if relation is None:  # the campus is no part of the name when "at" starts a phrase of time
        assert not any(f.object.canonical and " at the" in f.object.canonical for f in facts)
    elif ":" in relation:  # this relation with this object, or for this subject
        rel, obj = relation.split(":", 1)
        assert not [f for f in facts if f.relation == rel and obj in ((f.object.canonical or f.object.text), f.subject.canonical)]
    else:
        assert not [f for f in facts if f.relation == relation]


PAPER_LIST = """# Mira Olsen

## Publications

- M. Olsen, J. Park and T. Berg. Sparse Routing for Small Robots. International Conference on Robotics (ICRA), 2016. (Best Paper Award)
- J. Park and M. Olsen. Causal Graphs for Robust Tabular Learning, Springfield Workshop on Tabular Data, 2019 (BEST PAPER).
- T. Berg, M. Olsen. Fast Retrieval with Tiny Models, Springfield Workshop on Search, 2018. PDF (Outstanding Student Paper).
- M. Olsen and T. Berg. Robust Graphs at Scale. NeurIPS 2021. (Oral)
"""


@pytest.mark.parametrize(
    "award,org,date",
    [
        ("Best Paper Award", "International Conference on Robotics (ICRA)", "2016"),
        ("BEST PAPER", "Springfield Workshop on Tabular Data", "2019"),
        ("Outstanding Student Paper", "Springfield Workshop on Search", "2018"),
    ],
)
def test_paper_award_marks(extract, award, org, date):
    facts = [f for f in extract(PAPER_LIST, "markdown") if f.relation == "award_received"]
    assert _has(facts, "award_received", "Mira Olsen", award, org=org, date=date), [(f.object.text, f.qualifiers.model_dump(exclude_none=True)) for f in facts]
    assert all(f.rule == "awards.paper_mark" for f in facts)


def test_a_paper_badge_is_no_award(extract):
    facts = extract(PAPER_LIST.replace("(Best Paper Award)", "(Spotlight)").replace("(BEST PAPER)", "").replace("(Outstanding Student Paper)", ""), "markdown")
    assert not [f for f in facts if f.relation == "award_received"]
