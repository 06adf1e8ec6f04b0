"""How news stories and biographies state careers, organisations, releases and honours:
sentences written for the tests, each construction with a negative twin that must yield nothing."""

from __future__ import annotations

import pytest

_AWARD_LIST = (
    "Maria Okafor has received the Aggarwal Prize of the International Association for Pattern Recognition, "
    "the Royal Society Milner Award and the Leibniz Award."
)
STORY = "Northwind Inc. reported record growth on Monday. Analysts said Northwind Inc. had a strong year. "

POSITIVE = [
    # "P, X's former T," and "said P, X's outgoing T"
    ("Ana Ruiz, Quillon's former chief scientist, said the model was ready.", "employed_by", "Ana Ruiz", "Quillon", "prose.job_appositive"),
    ("The deal was approved, said Tomas Reyes, Brightline's outgoing chief financial officer.", "employed_by", "Tomas Reyes", "Brightline", "prose.job_appositive"),
    ("Ana Ruiz, Quillon's former head of AI, has joined Brightline.", "employed_by", "Ana Ruiz", "Quillon", "prose.job_appositive"),
    # an honour with its year in parentheses
    ("Ingrid Halvorsen is a Fellow of the ACM (2015) and a member of the Kestrel Academy.", "award_received", "Ingrid Halvorsen", "Fellow of the ACM", "prose.award_fellow"),
    ("Ingrid Halvorsen was elected a Fellow of the Royal Society (2019).", "award_received", "Ingrid Halvorsen", "Fellow of the Royal Society", "prose.award_fellow"),
    ("Ingrid Halvorsen is an IEEE Fellow (2012) and an ACM Fellow (2014).", "award_received", "Ingrid Halvorsen", "ACM Fellow", "prose.award_fellow"),
    # a later title at the employer the clause joined: ", becoming T", ", later becoming T"
    ("Helga Sorensen joined the faculty of Tarn University in 1999, becoming a full professor in 2006.", "employed_by", "Helga Sorensen", "Tarn University", "prose.job_title"),
    ("Helga Sorensen joined Quillon in 2010 as an engineer, later becoming its chief technology officer.", "employed_by", "Helga Sorensen", "Quillon", "prose.job_title"),
    ("Helga Sorensen previously spent six years at Quillon, where she was vice president of engineering and later chief operating officer.",
     "employed_by", "Helga Sorensen", "Quillon", "prose.job_title"),
    # a ranked list with a number in its name: "listed among", "named to"
    ("Mira Lund is a scientist at Quillon. She was listed among Forbes 30 Under 30 in 2019.", "award_received", "Mira Lund", "Forbes 30 Under 30", "prose.award_named"),
    ("Mira Lund is a scientist at Quillon. In 2021 she was named to MIT Technology Review's 35 Innovators Under 35.",
     "award_received", "Mira Lund", "MIT Technology Review's 35 Innovators Under 35", "prose.award_named"),
    ("Mira Lund is a scientist at Quillon. She was named to the TIME100 Next list in 2022.", "award_received", "Mira Lund", "TIME100 Next", "prose.award_named"),
    # a boss the story appointed, named by surname
    ("Quillon named Ana Ruiz chief executive in May. Tom Berg, the company's chief technology officer, will report to Ruiz.",
     "reports_to", "Tom Berg", "Ana Ruiz", "prose.reports_to"),
    # "after / before leaving X"
    ("After leaving Orbis in 2013, Ivan Petrov started a company.", "employed_by", "Ivan Petrov", "Orbis", "prose.job_career"),
    ("Ivan Petrov co-founded Brightline in 2014 after leaving Orbis, where he ran the search team.", "employed_by", "Ivan Petrov", "Orbis", "prose.job_career"),
    ("Lena Marsh is a researcher. Before leaving Quillon, she led its vision group.", "employed_by", "Lena Marsh", "Quillon", "prose.job_career"),
    # plural awards at a list of venues: one award from each
    ("Omar Fitch has received best paper awards at KDD, ICML, and NeurIPS.", "award_received", "Omar Fitch", "ICML best paper award", "prose.award_received"),
    ("Mira Olsen won best paper awards at SIGIR and WSDM.", "award_received", "Mira Olsen", "WSDM best paper award", "prose.award_received"),
    ("Lena Vogt received outstanding reviewer awards from ACL and EMNLP in 2020.", "award_received", "Lena Vogt", "EMNLP outstanding reviewer award", "prose.award_received"),
    # "X's P": a person written as an organisation's, in a sentence with no title
    ("Quillon's Ada Reyes told reporters that the deal closed.", "employed_by", "Ada Reyes", "Quillon", "prose.job_possessive"),
    ("Speaking on Monday, Orbit Labs' Tom Berg said the model was ready.", "employed_by", "Tom Berg", "Orbit Labs", "prose.job_possessive"),
    ("Northfield University's Lena Vogt presented the results on Monday.", "employed_by", "Lena Vogt", "Northfield University", "prose.job_possessive"),
    # "and a Fellow of X" after what the person is
    ("Jon Park is the creator of GraphVault and a Fellow of the IEEE.", "award_received", "Jon Park", "Fellow of the IEEE", "prose.award_fellow"),
    ("Li Wei was a professor at Kestrel University and a Fellow of the Royal Society.", "award_received", "Li Wei", "Fellow of the Royal Society", "prose.award_fellow"),
    # "P will join as T" / "P joined as its T": the story's company
    (STORY + "Mira Olsen will join as chief scientist in May.", "employed_by", "Mira Olsen", "Northwind Inc.", "prose.job_joined"),
    (STORY + "Jon Park joined as its chief technology officer in 2024.", "employed_by", "Jon Park", "Northwind Inc.", "prose.job_joined"),
    (STORY + "Li Wei joins as head of sales.", "employed_by", "Li Wei", "Northwind Inc.", "prose.job_joined"),
    # "joined the faculty / staff of X"
    ("Mira Olsen joined the faculty of Lund University in 2001.", "employed_by", "Mira Olsen", "Lund University", "prose.job_joined"),
    ("Jon Park joined the staff of Kestrel Labs in 2010.", "employed_by", "Jon Park", "Kestrel Labs", "prose.job_joined"),
    ("Li Wei joined the research staff at Northwind Labs in 2003.", "employed_by", "Li Wei", "Northwind Labs", "prose.job_joined"),
    # two honours in one clause: "a Fellow of X and a member of Y", "a member of X and a Fellow of Y"
    ("Mira Olsen is a Fellow of the Association for Computing Machinery and a member of the Norwegian Academy of Science.",
     "award_received", "Mira Olsen", "Fellow of the Association for Computing Machinery", "prose.award_fellow"),
    ("Jon Park is a member of the Kestrel Academy of Sciences and a Fellow of the Royal Society.",
     "award_received", "Jon Park", "Fellow of the Royal Society", "prose.award_fellow"),
    ("Li Wei was elected a Fellow of the IEEE and a member of the Springfield Academy in 2020.", "award_received", "Li Wei", "Springfield Academy", "prose.award_member"),
    # "among / one of the recipients of X"
    ("Mira Olsen is among the recipients of the 2022 Northwind Fellowship.", "award_received", "Mira Olsen", "Northwind Fellowship", "prose.award_received"),
    ("Jon Park was one of the recipients of the Kestrel Medal in 2018.", "award_received", "Jon Park", "Kestrel Medal", "prose.award_received"),
    ("Jon Park was among the first winners of the Kestrel Medal in 2019.", "award_received", "Jon Park", "Kestrel Medal", "prose.award_received"),
    # an organisation's hire with no title: the hirer, and the organisation the person came from
    ("Quillon hired Jon Park in 2020.", "employed_by", "Jon Park", "Quillon", "prose.job_hired"),
    ("Quillon poached Jon Park from Northwind Labs.", "employed_by", "Jon Park", "Northwind Labs", "prose.job_hired_from"),
    ("Kestrel Systems lured Li Wei away from Quillon in 2019.", "employed_by", "Li Wei", "Kestrel Systems", "prose.job_hired"),
    # "X hired P, DESCRIPTION, as T": the hire's title after an apposition about the person
    ("Quillon has hired Jon Park, a former Brightline executive, as its chief technology officer.", "employed_by", "Jon Park", "Quillon", "prose.job_named_by"),
    ("Northwind Labs named Jon Park, the co-founder of Kestrel, as its new CEO.", "employed_by", "Jon Park", "Northwind Labs", "prose.job_named_by"),
    ("Brightline appointed Li Wei, a veteran engineer, as chief scientist in 2020.", "employed_by", "Li Wei", "Brightline", "prose.job_named_by"),
    # pre-nominal titles: "X CEO P", "X chief scientist P"
    ("The board includes Quillon chief scientist Maria Okafor.", "employed_by", "Maria Okafor", "Quillon", "prose.job_prenominal"),
    ("The panel featured Orbit Systems CEO Peter Vance and two investors.", "employed_by", "Peter Vance", "Orbit Systems", "prose.job_prenominal"),
    (STORY + "It was announced by CTO and Co-founder Peter Vance.", "employed_by", "Peter Vance", "Northwind Inc.", "prose.job_prenominal"),
    # appositives: "P, the company's CFO," / "said P, CEO and Co-founder."
    (STORY + "Maria Okafor, the company's chief technology officer, spoke first.", "employed_by", "Maria Okafor", "Northwind Inc.", "prose.job_appositive"),
    (STORY + "\"We are thrilled,\" said Peter Vance, CEO and Co-founder.", "employed_by", "Peter Vance", "Northwind Inc.", "prose.job_appositive"),
    (STORY + "The plan came from Peter Vance, its chief operating officer.", "employed_by", "Peter Vance", "Northwind Inc.", "prose.job_appositive"),
    ("The talk was given by Maria Okafor, Quillon's chief financial officer.", "employed_by", "Maria Okafor", "Quillon", "prose.job_appositive"),
    ("Quillon's chief scientist, Maria Okafor, gave the talk.", "employed_by", "Maria Okafor", "Quillon", "prose.job_prenominal"),
    ("Maria Okafor takes over as CEO of Quillon in May.", "employed_by", "Maria Okafor", "Quillon", "prose.job_title"),
    # appointments whose employer is the story's company
    (STORY + "Maria Okafor will serve as interim CEO, effective immediately.", "employed_by", "Maria Okafor", "Northwind Inc.", "prose.job_appointed"),
    (STORY + "Peter Vance was named chief operating officer.", "employed_by", "Peter Vance", "Northwind Inc.", "prose.job_appointed"),
    (STORY + "Peter Vance has been appointed as the new CFO.", "employed_by", "Peter Vance", "Northwind Inc.", "prose.job_appointed"),
    # an organisation's appointments
    ("Northwind Inc. has named Maria Okafor as its new chief operating officer.", "employed_by", "Maria Okafor", "Northwind Inc.", "prose.job_named_by"),
    ("Northwind Inc. appointed Peter Vance interim CEO in 2019.", "employed_by", "Peter Vance", "Northwind Inc.", "prose.job_named_by"),
    ("Orbit Systems has a new CEO: Peter Vance.", "employed_by", "Peter Vance", "Orbit Systems", "prose.job_prenominal"),
    # a press release's company is the one that "today announced"
    ("Quillon, a leader in payments, today announced that Maria Okafor has joined the company as Vice President of Sales. Analysts like Quillon.",
     "employed_by", "Maria Okafor", "Quillon", "prose.job_joined"),
    # "joined the company as T"
    (STORY + "The firm said that Maria Okafor has joined the company as Vice President of Engineering.", "employed_by", "Maria Okafor", "Northwind Inc.", "prose.job_joined"),
    # lists of employers
    ("Maria Okafor held senior leadership positions at Telmate, AltX and Mobitor Corporation.", "employed_by", "Maria Okafor", "Mobitor Corporation", "prose.job_positions"),
    ("Peter Vance has held research roles at Orbit Systems and Quillon.", "employed_by", "Peter Vance", "Quillon", "prose.job_positions"),
    # coordination: "worked at A, at B and at C"; a title with its employer in the predicate
    ("Peter Vance has researched at AT&T Bell Labs, at GMD FIRST, Berlin, and at Microsoft Research Cambridge.", "employed_by", "Peter Vance", "GMD FIRST", "prose.job_worked_at"),
    ("Peter Vance has researched at AT&T Bell Labs, at GMD FIRST, Berlin, and at Microsoft Research Cambridge.", "employed_by", "Peter Vance", "Microsoft Research Cambridge", "prose.job_worked_at"),
    ("Maria Okafor worked for Northwind Inc. and Quillon.", "employed_by", "Maria Okafor", "Quillon", "prose.job_worked_at"),
    ("Peter Vance studied physics before becoming a Max Planck director in 2001.", "employed_by", "Peter Vance", "Max Planck", "prose.job_prenominal"),
    ("Maria Okafor is a former Google researcher.", "employed_by", "Maria Okafor", "Google", "prose.job_prenominal"),
    ("Maria Okafor holds a Professorship at ETH Zurich.", "employed_by", "Maria Okafor", "ETH Zurich", "prose.job_position"),
    # two titles sharing one employer, one of them a named fellowship; a field of two names
    ("Maria Okafor is a Senior Lecturer and ARC DECRA Fellow at The University of Queensland.", "employed_by", "Maria Okafor", "The University of Queensland", "prose.job_title"),
    ("Maria Okafor is a professor of Electrical Engineering and Computer Science at Orbit University.", "employed_by", "Maria Okafor", "Orbit University", "prose.job_title"),
    # careers: first jobs, years at an employer, departures, retirement, relative clauses
    ("Maria Okafor began her career at Orbit Systems as a software engineer.", "employed_by", "Maria Okafor", "Orbit Systems", "prose.job_career"),
    ("During her years at Quillon, Maria Okafor was a product manager.", "employed_by", "Maria Okafor", "Quillon", "prose.job_career"),
    ("Maria Okafor spent six years at Orbit Systems.", "employed_by", "Maria Okafor", "Orbit Systems", "prose.job_spent"),
    ("Li Wei spent a decade at Brightline.", "employed_by", "Li Wei", "Brightline", "prose.job_spent"),
    ("Jon Park spent two decades at Kestrel Systems as an engineer.", "employed_by", "Jon Park", "Kestrel Systems", "prose.job_spent"),
    ("Mira Olsen spent nearly a decade at Northwind Labs.", "employed_by", "Mira Olsen", "Northwind Labs", "prose.job_spent"),
    ("In 2015 Maria Okafor left Orbit Systems to found Brightleaf.", "employed_by", "Maria Okafor", "Orbit Systems", "prose.job_career"),
    ("In 2015 Maria Okafor left Orbit Systems to found Brightleaf.", "employed_by", "Maria Okafor", "Brightleaf", "prose.job_founded"),
    ("Maria Okafor retired from Orbit Systems in 2019.", "employed_by", "Maria Okafor", "Orbit Systems", "prose.job_career"),
    ("The prize went to Maria Okafor, who joined Quillon in 2019.", "employed_by", "Maria Okafor", "Quillon", "prose.job_joined"),
    # joining to work, not to study
    ("In 2020 Maria Okafor joined Orbit University to lead its robotics lab.", "employed_by", "Maria Okafor", "Orbit University", "prose.job_joined"),
    # positions separated by semicolons; emeritus titles
    ("Previously, Maria Okafor was Managing Director at Orbit Ventures; Venture Partner at Greylock Partners; and CEO of BladeLogic.",
     "employed_by", "Maria Okafor", "Greylock Partners", "prose.job_title"),
    ("Maria Okafor is Professor Emeritus of Physics at Lund University.", "employed_by", "Maria Okafor", "Lund University", "prose.job_title"),
    # founders named together
    ("Maria Okafor and Peter Vance founded Brightleaf in 2014.", "employed_by", "Peter Vance", "Brightleaf", "prose.job_founded"),
    ("In 2014, Maria Okafor co-founded Brightleaf with Peter Vance.", "employed_by", "Peter Vance", "Brightleaf", "prose.job_founded"),
    ("Maria Okafor co-founded Brightleaf, a payments start-up, along with Dr. Peter Vance.", "employed_by", "Peter Vance", "Brightleaf", "prose.job_founded"),
    # acronyms take the full name the document gives
    ("Maria Okafor is a Research Lead at the Information Sciences Institute (ISI). Maria Okafor is a Principal Scientist at ISI.", "employed_by", "Maria Okafor", "Information Sciences Institute", "prose.job_title"),
    # leads: programmes a PI leads, "X, led by P", unit names that read like titles
    ("Maria Okafor is currently PI of Orbit's efforts on DARPA SHADE (teaching agents) and DARPA Civil Sanctuary.", "leads", "Maria Okafor", "DARPA Civil Sanctuary", "prose.leads_pi"),
    ("Maria Okafor is co-PI for Orbit's efforts in DARPA's KMASS and INCAS programs.", "leads", "Maria Okafor", "INCAS", "prose.leads_pi"),
    ("The Riverbend Lab, led by Maria Okafor, studies robots.", "leads", "Maria Okafor", "Riverbend Lab", "prose.leads_led_by"),
    ("Orbit Systems, which is headed by Peter Vance, makes chips.", "leads", "Peter Vance", "Orbit Systems", "prose.leads_led_by"),
    ("Maria Okafor leads the Chair of Database Systems and Information Management at TU Berlin.", "leads", "Maria Okafor", "Chair of Database Systems and Information Management", "prose.leads_verb"),
    ("Maria Okafor currently heads up the Data Science Group at Northwind Inc.", "leads", "Maria Okafor", "Data Science Group", "prose.leads_verb"),
    # reports_to: to a titled name ("to Quillon CEO P", "to chief scientist P")
    ("Jon Park reports directly to Quillon CEO Mira Olsen.", "reports_to", "Jon Park", "Mira Olsen", "prose.reports_to"),
    ("Li Wei reports to chief scientist Ana Ruiz.", "reports_to", "Li Wei", "Ana Ruiz", "prose.reports_to"),
    ("Mira Olsen reports to CTO Jon Park.", "reports_to", "Mira Olsen", "Jon Park", "prose.reports_to"),
    # reports_to: to a title the story gave someone, deputies, leadership teams
    (STORY + "Maria Okafor will serve as interim CEO. Peter Vance will remain at the company, reporting to the CEO.", "reports_to", "Peter Vance", "Maria Okafor", "prose.reports_to_title"),
    ("Maria Okafor, Peter Vance's deputy, spoke first.", "reports_to", "Maria Okafor", "Peter Vance", "prose.reports_to_deputy"),
    ("Maria Okafor joins Peter Vance's leadership team.", "reports_to", "Maria Okafor", "Peter Vance", "prose.reports_to_deputy"),
    ("Maria Okafor is in charge of the Search Quality team at Quillon.", "leads", "Maria Okafor", "Search Quality team", "prose.leads_verb"),
    ("Peter Vance is responsible for the Robotics Lab.", "leads", "Peter Vance", "Robotics Lab", "prose.leads_verb"),
    ("Maria Okafor, who heads the Vision Group, spoke.", "leads", "Maria Okafor", "Vision Group", "prose.leads_verb"),
    # part_of: subsidiaries, acquisitions, holdings
    ("Quillon, a wholly owned subsidiary of Northwind Inc., makes chips.", "part_of", "Quillon", "Northwind Inc.", "prose.part_of_subsidiary"),
    ("Quillon became a division of Northwind Inc. in 2015.", "part_of", "Quillon", "Northwind Inc.", "prose.part_of_subsidiary"),
    ("Maria Okafor worked at Quillon (now part of Northwind Inc.).", "part_of", "Quillon", "Northwind Inc.", "prose.part_of_subsidiary"),
    ("Maria Okafor was co-founder of Geometric Intelligence (which became Uber AI Labs).", "employed_by", "Maria Okafor", "Geometric Intelligence", "prose.job_title"),
    ("Northwind Inc. acquired Quillon in 2019.", "part_of", "Quillon", "Northwind Inc.", "prose.part_of_acquired"),
    ("Quillon, which was acquired by Northwind Inc. in 2010, makes chips.", "part_of", "Quillon", "Northwind Inc.", "prose.part_of_acquired"),
    ("Northwind Inc. will consist of the following entities: Calico, Fiber, Quillon and Nest.", "part_of", "Nest", "Northwind Inc.", "prose.part_of_holding"),
    ("Northwind Inc. will consist of the following entities: Calico, Fiber, Quillon and Nest.", "part_of", "Calico", "Northwind Inc.", "prose.part_of_holding"),
    # units of a university named in the same sentence; a faculty's university employs
    ("Maria Okafor is Reader in the Department of Marine Biology, and Vice Dean for Teaching in the School of Earth Sciences at the University of Northfield.",
     "part_of", "School of Earth Sciences", "University of Northfield", "prose.part_of_unit_at"),
    ("Maria Okafor is Reader in the Department of Marine Biology, and Vice Dean for Teaching in the School of Earth Sciences at the University of Northfield.",
     "part_of", "Department of Marine Biology", "University of Northfield", "prose.part_of_unit_at"),
    ("Peter Vance is Assistant Professor of the Faculty of Informatics, TU Wien, Austria.", "employed_by", "Peter Vance", "TU Wien", "prose.job_title"),
    # a degree "awarded by" its school, with the year between
    ("Maria Okafor was awarded a Ph.D. in 1988 by Eastfield University for her thesis Sparse Graphs.", "educated_at", "Maria Okafor", "Eastfield University", "prose.edu_degree"),
    ("Peter Vance was awarded a PhD by Orbit University in 2001.", "educated_at", "Peter Vance", "Orbit University", "prose.edu_degree"),
    ("Maria Okafor received an MSc with Distinction from Northfield University.", "educated_at", "Maria Okafor", "Northfield University", "prose.edu_degree"),
    # the members a text lists for a lab, group or team
    ("The three initial members of the Riverbend lab, Maria Okafor, Peter Vance and Lena Vogt, work on robots.", "employed_by", "Lena Vogt", "Riverbend lab", "prose.job_member"),
    ("The members of the Orbit Vision Group, Maria Okafor and Peter Vance, won a prize.", "employed_by", "Peter Vance", "Orbit Vision Group", "prose.job_member"),
    ("Its founding members of the Quillon Data Team, Maria Okafor and Peter Vance, left in 2020.", "employed_by", "Maria Okafor", "Quillon Data Team", "prose.job_member"),
    # the team a person led at an organisation
    ("Before that, Maria Okafor led the team responsible for search improvement at Kestrel, serving millions of users.", "employed_by", "Maria Okafor", "Kestrel", "prose.job_team_lead"),
    ("Peter Vance managed a team of 40 engineers at Orbit Systems.", "employed_by", "Peter Vance", "Orbit Systems", "prose.job_team_lead"),
    ("Maria Okafor leads the data platform team at Quillon.", "employed_by", "Maria Okafor", "Quillon", "prose.job_team_lead"),
    # "heads up the X Group at Y": the group is part of Y
    ("Maria Okafor currently heads up the Data Science Group at Quillon, the largest marketplace.", "part_of", "Data Science Group", "Quillon", None),
    ("Peter Vance currently heads up the Vision Lab at Orbit Systems.", "part_of", "Vision Lab", "Orbit Systems", None),
    ("Maria Okafor heads the Speech Group at Quillon.", "part_of", "Speech Group", "Quillon", None),
    # "after graduating from X", for the person a relative clause is about
    ("Soon after arriving in Oslo, Peter Vance met Maria Okafor who had moved to the Bay area after graduating from Eastfield University.", "educated_at", "Maria Okafor", "Eastfield University", "prose.edu_graduated"),
    ("Maria Okafor moved to Oslo after graduating from Eastfield University.", "educated_at", "Maria Okafor", "Eastfield University", "prose.edu_graduated"),
    ("Before graduating from Orbit University, Peter Vance founded a club.", "educated_at", "Peter Vance", "Orbit University", "prose.edu_graduated"),
    # departures and stays that name the role; the employer is the story's company
    (STORY + "The board today announced that Peter Vance will depart as CEO and leave the board.", "employed_by", "Peter Vance", "Northwind Inc.", "prose.job_departed"),
    (STORY + "Maria Okafor stepped down as chief operating officer in 2020.", "employed_by", "Maria Okafor", "Northwind Inc.", "prose.job_departed"),
    (STORY + "Peter Vance resigned as CFO on Friday.", "employed_by", "Peter Vance", "Northwind Inc.", "prose.job_departed"),
    (STORY + "Peter Vance will remain in his role at the company, reporting to the CEO.", "employed_by", "Peter Vance", "Northwind Inc.", "prose.job_remains"),
    ("Maria Okafor remains at Quillon as an adviser.", "employed_by", "Maria Okafor", "Quillon", "prose.job_remains"),
    ("Peter Vance will remain with Orbit Systems until May.", "employed_by", "Peter Vance", "Orbit Systems", "prose.job_remains"),
    # developed: maintainers, contributors, creators
    ("Maria Okafor is a core maintainer of PyTorch Lightning and Hydra.", "developed", "Maria Okafor", "Hydra", "prose.developed_maintainer"),
    ("Peter Vance is one of the original developers of NebulaStream.", "developed", "Peter Vance", "NebulaStream", "prose.developed_maintainer"),
    ("Maria Okafor co-created NebulaFlow, a stream engine.", "developed", "Maria Okafor", "NebulaFlow", "prose.developed_made"),
    ("Maria Okafor is the lead developer of VTK-m and a contributor to ParaView.", "developed", "Maria Okafor", "ParaView", "prose.developed_maintainer"),
    ("Peter Vance maintains the Ascent library and has been developing Catalyst.", "developed", "Peter Vance", "Catalyst", "prose.developed_made"),
    ("Maria Okafor leads the development of VisIt.", "developed", "Maria Okafor", "VisIt", "prose.developed_made"),
    ("Maria Okafor is best known for the creation of the MovieLens recommender system.", "developed", "Maria Okafor", "MovieLens", "prose.developed_maintainer"),
    ("Maria Okafor is known for her contribution to the Google search engine.", "developed", "Maria Okafor", "Google", "prose.developed_maintainer"),
    ("Maria Okafor showed how to tackle this in her own system, NebulaStream.", "developed", "Maria Okafor", "NebulaStream", "prose.developed_maintainer"),
    ("Under her leadership, Quillon has released innovative products such as Atlas, its cloud database.", "developed", "Quillon", "Atlas", "prose.developed_release"),
    # author_of in prose: papers, books and theses named after the verb, with co-authors
    ("Maria Okafor, together with Peter Vance, published the paper The Lantern Index: Ranking Pages by Light in 1998.", "author_of", "Peter Vance", "The Lantern Index: Ranking Pages by Light", "prose.author_work"),
    ("Maria Okafor received her doctorate in 1988 from Lund University for her thesis Probabilistic Analysis of Matching Algorithms.",
     "author_of", "Maria Okafor", "Probabilistic Analysis of Matching Algorithms", "prose.author_work"),
    ("Maria Okafor is the author of the best-selling book Python Machine Learning, which has been translated.", "author_of", "Maria Okafor", "Python Machine Learning", "prose.author_work"),
    # "wrote T with P": the title ends before its co-author, who wrote it too
    ("Mira Olsen published the paper Robust Sprocket Control with Tom Berg in 2019.", "author_of", "Tom Berg", "Robust Sprocket Control", "prose.author_work"),
    ("Mira Olsen published the paper Robust Sprocket Control with Tom Berg in 2019.", "author_of", "Mira Olsen", "Robust Sprocket Control", "prose.author_work"),
    ("Jon Park co-authored the paper Fast Graph Sampling with Li Wei in 2020.", "author_of", "Li Wei", "Fast Graph Sampling", "prose.author_work"),
    ("Maria Okafor wrote \"Deep Learning for Cats\" in 2019.", "author_of", "Maria Okafor", "Deep Learning for Cats", "prose.author_work"),
    # date_of_birth
    ("Born in 1981, Maria Okafor grew up in Lagos.", "date_of_birth", "Maria Okafor", "1981", "prose.date_of_birth"),
    ("Maria Okafor (b. 1962) is a chemist.", "date_of_birth", "Maria Okafor", "1962", "prose.date_of_birth"),
    ("Maria Okafor (born 6 December 1947) is a chemist.", "date_of_birth", "Maria Okafor", "1947-12-06", "prose.date_of_birth"),
    # awards: enumerations after "received", with the awarding body (_AWARD_LIST)
    ("Maria Okafor has received the Aggarwal Prize of the International Association for Pattern Recognition, the Royal Society Milner Award and the Leibniz Award.",
     "award_received", "Maria Okafor", "Leibniz Award", "prose.award_received"),
    ("Maria Okafor has received the Aggarwal Prize of the International Association for Pattern Recognition, the Royal Society Milner Award and the Leibniz Award.",
     "award_received", "Maria Okafor", "Royal Society Milner Award", "prose.award_received"),
    ("Maria Okafor is a Fellow of the ACM, IEEE, and AAAS and a member of the CHI Academy.", "award_received", "Maria Okafor", "Fellow of the IEEE", "prose.award_fellow"),
    ("Maria Okafor is a Fellow of the ACM, IEEE, and AAAS and a member of the CHI Academy.", "award_received", "Maria Okafor", "CHI Academy", "prose.award_member"),
    # "Fellow of A and of B", a programme's quoted name kept
    ("Maria Okafor is Fellow of the ACM and of the Orbit Program \"Learning in Machines\", and holds a chair.", "award_received", "Maria Okafor", "Fellow of the Orbit Program \"Learning in Machines\"", "prose.award_fellow"),
    ("Maria Okafor is Fellow of the ACM and of the Orbit Program \"Learning in Machines\", and holds a chair.", "award_received", "Maria Okafor", "Fellow of the ACM", "prose.award_fellow"),
    ("Peter Vance is a Fellow of the IEEE and of the Royal Society.", "award_received", "Peter Vance", "Fellow of the Royal Society", "prose.award_fellow"),
    # "was elected one of the "Q" by ORG": a ranked list, with who made it
    ("Maria Okafor is a researcher. In 2014, she was elected one of Norway's leading \u201cBright Minds\u201c by the Northfield Informatics Society.", "award_received", "Maria Okafor", "Bright Minds", "prose.award_named"),
    ("Peter Vance was named one of the \"Top Innovators Under 35\" by Orbit Review.", "award_received", "Peter Vance", "Top Innovators Under 35", "prose.award_named"),
    ("Maria Okafor was selected as one of the \"Rising Stars\" by the Northfield Society.", "award_received", "Maria Okafor", "Rising Stars", "prose.award_named"),
    # an academy with its acronym in parentheses
    ("Maria Okafor is a member of the Northfield Academy of Sciences (NAS), and has received the Vance Prize.", "award_received", "Maria Okafor", "Northfield Academy of Sciences (NAS)", "prose.award_member"),
    ("Peter Vance was elected a member of the Royal Society of Letters (RSL) in 2019.", "award_received", "Peter Vance", "Royal Society of Letters (RSL)", "prose.award_member"),
    ("Maria Okafor is a member of the Orbit Academy (OA).", "award_received", "Maria Okafor", "Orbit Academy (OA)", "prose.award_member"),
    ("Maria Okafor is Fellow of the ACM and of the Northfield Society.", "award_received", "Maria Okafor", "Fellow of the ACM", "prose.award_fellow"),
    ("Maria Okafor is Fellow of the ACM and of the Northfield Society.", "award_received", "Maria Okafor", "Fellow of the Northfield Society", "prose.award_fellow"),
    ("Maria Okafor is a member of the Royal Academy of Sciences (RAS), and teaches.", "award_received", "Maria Okafor", "Royal Academy of Sciences (RAS)", "prose.award_member"),
    ("Maria Okafor is also an Amazon Scholar.", "award_received", "Maria Okafor", "Amazon Scholar", "prose.award_fellow"),
    ("Maria Okafor is a Senior Lecturer and ARC DECRA Fellow at Orbit University.", "award_received", "Maria Okafor", "ARC DECRA Fellow", "prose.award_fellow"),
    ("Maria Okafor was honored with the Medal of Excellence.", "award_received", "Maria Okafor", "Medal of Excellence", "prose.award_received"),
    ("In 2004, Maria Okafor obtained young scientist award from the Science Council.", "award_received", "Maria Okafor", "young scientist award", "prose.award_received"),
    ("Maria Okafor has received numerous honors, including two SIGMOD Research Highlight Awards and best paper awards at SIGMOD and VLDB.",
     "award_received", "Maria Okafor", "SIGMOD best paper award", "prose.award_received"),
    ("Maria Okafor was recognized by the School of Engineering as its 2010 Alumnus of the Year.", "award_received", "Maria Okafor", "Alumnus of the Year", "prose.award_named"),
    ("Maria Okafor was named Entrepreneur of the Year in 2015.", "award_received", "Maria Okafor", "Entrepreneur of the Year", "prose.award_named"),
    ("She is a Fellow of the International Society for Medical Image Computing. Maria Okafor is a professor.",
     "award_received", "Maria Okafor", "Fellow of the International Society for Medical Image Computing", "prose.award_fellow"),
]

NEGATIVE = [
    ("Mira Lund is a scientist at Quillon. She was featured in Nature in 2019.", "award_received", "Nature"),
    ("Mira Lund is a scientist at Quillon. She was listed in Room 101 of the building.", "award_received", "Room 101"),
    ("Mira Lund is a scientist at Quillon. She was named among Time's \"Architects of AI\" in 2025.", "award_received", "Time"),
    ("Ingrid Halvorsen met a Fellow of the ACM (2015) at the event.", "award_received", "Fellow of the ACM"),
    ("Ana Ruiz met Quillon's former chief scientist, who said the model was ready.", "employed_by", "Quillon", "Ana Ruiz"),
    ("Ana Ruiz is a researcher. After leaving Paris in 2013, she moved to Quillon.", "employed_by", "Paris"),
    ("Ana Ruiz is a researcher. Before leaving the stage, she thanked Quillon.", "employed_by", "Quillon"),
    ("Mira Olsen won a best paper award at SIGIR and joined Orbit.", "award_received", "Orbit best paper award"),
    ("Mira Olsen reviewed papers at KDD and ICML.", "award_received", "KDD"),
    ("Paris's Ada Reyes won the race.", "employed_by", "Paris"),
    ("Quillon's rival, Ada Reyes, declined to comment.", "employed_by", "Quillon"),
    ("Tom Berg's Ada Reyes won the race.", "employed_by", "Tom Berg"),
    (STORY + "Mira Olsen joined as a volunteer.", "employed_by", "Northwind Inc."),
    ("Mira Olsen joined the faculty of her old school for a reunion dinner.", "employed_by", "her old school"),
    ("Jon Park met Li Wei and a Fellow of the Royal Society for lunch.", "award_received", "Fellow of the Royal Society"),
    ("Li Wei was elected a Fellow of the IEEE and a member of the Springfield Academy in 2020.", "award_received",
     "Fellow of the IEEE and a member of the Springfield Academy"),
    ("Jon Park congratulated the winners of the Kestrel Medal in 2019.", "award_received", "Kestrel Medal"),
    ("Jon Park was not among the recipients of the Kestrel Medal.", "award_received", "Kestrel Medal"),
    ("Li Wei wrote the book Cooking with Friends in 2018.", "author_of", "Cooking"),  # "with Friends" is the title's
    ("Jon Park reports to Quillon investors, not to Mira Olsen's team.", "reports_to", "Mira Olsen"),
    ("Jon Park reports on chief scientist Mira Olsen's work.", "reports_to", "Mira Olsen"),
    ("Quillon plans to hire Jon Park from Northwind Labs.", "employed_by", "Quillon"),
    ("Quillon did not hire Jon Park.", "employed_by", "Quillon"),
    ("Quillon has not hired Jon Park from Northwind Labs.", "employed_by", "Quillon"),
    ("Analysts asked whether Quillon hired Jon Park in 2020.", "employed_by", "Quillon"),
    ("If Quillon hires Jon Park, the deal closes.", "employed_by", "Quillon"),
    ("Quillon hired lawyers from Northwind Labs.", "employed_by", "Northwind Labs"),
    ("Mira Olsen spent a decade in Norway.", "employed_by", "Norway"),
    # the same apposition without a role given: praise, or a seat that is no title
    ("Quillon praised Jon Park, a former Brightline executive, as its best critic.", "employed_by", "Quillon"),
    ("Quillon has hired Jon Park, a former Brightline executive, for its board.", "employed_by", "Quillon"),
    # joining a school to study there is education, not employment
    ("I join Orbit University to pursue the Ph.D. degree under the supervision of Peter Vance!", "employed_by", "Orbit University"),
    ("In 2019 Maria Okafor joined Lund University to study for a master's degree.", "employed_by", "Lund University"),
    ("Peter Vance joined Orbit University in 2018 to complete his doctorate.", "employed_by", "Orbit University"),
    # a title and a name with no employer anywhere
    ("The panel featured CEO Peter Vance and two investors.", "employed_by", None),
    # not an executive title: no story company is assumed
    (STORY + "Maria Okafor, a professor, spoke first.", "employed_by", "Northwind Inc."),
    # negation and hypotheticals
    (STORY + "Maria Okafor would serve as interim CEO if the board agreed.", "employed_by", "Northwind Inc."),
    (STORY + "Peter Vance was not named chief operating officer.", "employed_by", "Northwind Inc."),
    (STORY + "The firm said that Maria Okafor declined to join the company as Vice President of Engineering.", "employed_by", "Northwind Inc."),
    ("Maria Okafor never held leadership positions at Telmate or AltX.", "employed_by", None),
    ("Maria Okafor founded Brightleaf and hired Peter Vance.", "employed_by", None, "Peter Vance"),
    ("Maria Okafor takes over as CEO of Quillon in May.", "employed_by", "May"),
    ("If Maria Okafor is appointed CEO of Quillon, shares will rise.", "employed_by", None),
    ("Maria Okafor would join Quillon as CTO if the deal closed.", "employed_by", None),
    ("Maria Okafor plans to join Quillon.", "employed_by", None),
    ("Maria Okafor is rumoured to join Quillon.", "employed_by", None),
    ("Peter Vance was not hired by Quillon.", "employed_by", None),
    ("Quillon declined to name a CEO.", "employed_by", None),
    ("Northwind Inc. declined to name Peter Vance as its new CEO.", "employed_by", None),
    ("Quillon, a leader in payments, today announced that Maria Okafor has joined the company as Vice President of Sales.", "employed_by", "Sales"),
    ("Maria Okafor never worked at Northwind Inc.", "employed_by", None),
    ("The board members of the Riverbend Group, Maria Okafor and Peter Vance, met.", "employed_by", None),
    ("The members of the Orbit Team, a design firm, met.", "employed_by", None),
    ("Maria Okafor did not lead the team at Quillon.", "employed_by", None),
    ("Maria Okafor led the team to victory at Wimbledon.", "employed_by", None),
    ("Maria Okafor led the team that won at the Oslo Open.", "employed_by", None),
    ("Maria Okafor met members of the Riverbend Lab at a party.", "employed_by", None),
    ("Maria Okafor supervised a PhD funded by Eastfield University.", "educated_at", None),
    ("Peter Vance was not awarded a PhD by Orbit University.", "educated_at", None),
    ("Soon after arriving in Oslo, Peter Vance met Maria Okafor who had moved to the Bay area after graduating from Eastfield University.", "educated_at", None, "Peter Vance"),
    ("Maria Okafor never graduated from Eastfield University.", "educated_at", None),
    ("Maria Okafor is not a Google researcher.", "employed_by", None),
    (STORY + "Investors want Peter Vance to depart as CEO.", "employed_by", None),
    (STORY + "Maria Okafor did not resign as CFO.", "employed_by", None),
    (STORY + "If Peter Vance steps down as CEO, shares will fall.", "employed_by", None),
    ("Maria Okafor will not remain at Quillon.", "employed_by", None),
    ("The river remains at Oslo.", "employed_by", None),
    ("Maria Okafor is not the PI of DARPA SHADE.", "leads", None),
    ("Maria Okafor is not a member of the Northfield Academy of Sciences (NAS).", "award_received", None),
    ("Maria Okafor was not named one of the \"Rising Stars\" by the Northfield Society.", "award_received", None),
    ("Maria Okafor said she was one of the \"lucky ones\".", "award_received", None),
    ("Maria Okafor is not a Fellow of the IEEE and of the Royal Society.", "award_received", None),
    ("Maria Okafor is responsible for Europe.", "leads", None),
    ("Peter Vance is not responsible for the Robotics Lab.", "leads", None),
    ("The Riverbend Lab, not led by Maria Okafor, studies robots.", "leads", None),
    ("Northwind Inc. did not acquire Quillon.", "part_of", None),
    ("Maria Okafor is not Peter Vance's deputy.", "reports_to", None),
    (STORY + "Peter Vance will remain at the company, reporting to the CEO.", "reports_to", None),
    ("Maria Okafor joins Peter Vance's leadership team.", "employed_by", None),
    ("Maria Okafor moved from the Department of Physics at Lund University to Stanford University.", "part_of", "Stanford University"),
    ("Peter Vance is Assistant Professor of the Faculty of Informatics, TU Wien, Austria.", "employed_by", "Faculty of Informatics"),
    # a field after "in" is part of the title, not an employer
    ("Maria Okafor is Professor of Critical Research in Technology and Director of the Centre for Computing at Eastfield University.", "employed_by", "Technology"),
    ("Peter Vance is Lecturer of Data Ethics in Engineering at Orbit University.", "employed_by", "Engineering"),
    ("Maria Okafor is Professor of Social Research in Economics and Head of the Policy Lab at Eastfield University.", "employed_by", "Economics"),
    ("Northwind Inc. considered whether Quillon would become a division of the group.", "part_of", None),
    ("Maria Okafor is not a maintainer of NumPy.", "developed", None),
    ("Maria Okafor developed the Riverbend Lab at Orbit University.", "developed", None),
    ("Maria Okafor did not receive the Turing Award.", "award_received", None),
    ("Maria Okafor is not a member of the Royal Academy of Sciences (RAS).", "award_received", None),
    ("Maria Okafor is known for recommenders (the GroupLens project won the ACM Software Systems Award).", "award_received", None),
    ("Maria Okafor was an Indian-born American computer scientist.", "employed_by", None),
    ("Maria Okafor moved to the San Francisco Bay area after graduating.", "employed_by", None),
    # a managing director runs a company: employed, not leading a unit
    ("Maria Okafor is Managing Director at Orbit Ventures.", "leads", None),
    ("Maria Okafor, 37, is a chemist.", "date_of_birth", None),
    ("Maria Okafor did not write the book Python Machine Learning.", "author_of", None),
    ("Maria Okafor wrote to Peter Vance in 2019.", "author_of", None),
    ("Maria Okafor has received numerous honors and prestigious awards.", "award_received", None),
    ("Maria Okafor never contributed to the Linux kernel.", "developed", None),
    ("Maria Okafor is the lead developer of VTK-m.", "employed_by", None),
    ("Maria Okafor led the Stratosphere project, which resulted in the creation of Apache Flink.", "developed", None),
    ("Maria Okafor has authored 10 standardization contributions to the Versatile Video Coding standard.", "developed", None),
    ("Maria Okafor is a Research Fellow at Orbit University.", "award_received", None),
    ("Maria Okafor received a research grant from the Science Council.", "award_received", None),
    # an academy membership is an honour, not a unit of an organisation
    ("He is a member of the Berlin Academy of Sciences. Peter Vance is a professor.", "part_of", None),
]


def _match(facts, relation, subject, obj, rule=None):
    return [
        f for f in facts
        if f.relation == relation and (subject is None or f.subject.canonical == subject)
        and (obj is None or f.object.canonical == obj) and (rule is None or f.rule == rule)
    ]


@pytest.mark.parametrize("text,relation,subject,obj,rule", POSITIVE)
def test_frame_states_fact(facts_of, text, relation, subject, obj, rule):
    facts = facts_of(text)
    assert _match(facts, relation, subject, obj, rule), [(f.relation, f.subject.canonical, f.object.canonical, f.rule) for f in facts]


@pytest.mark.parametrize("row", NEGATIVE, ids=lambda r: r[0][:60])
def test_negative_twin_states_nothing(facts_of, row):
    text, relation, obj, subject = (*row, None) if len(row) == 3 else row
    facts = facts_of(text)
    assert not _match(facts, relation, subject, obj), [(f.relation, f.subject.canonical, f.object.canonical, f.rule) for f in facts]


def test_year_before_the_awarding_school_is_the_end(facts_of):
    facts = _match(facts_of("Maria Okafor was awarded a Ph.D. in 1988 by Eastfield University."), "educated_at", "Maria Okafor", "Eastfield University")
    assert [(f.qualifiers.degree, f.qualifiers.end) for f in facts] == [("Ph.D.", "1988")]


def test_ranked_list_keeps_who_made_it(facts_of):
    facts = _match(facts_of("Maria Okafor was selected as one of the \"Rising Stars\" by the Northfield Society."), "award_received", "Maria Okafor", "Rising Stars")
    assert [f.qualifiers.org for f in facts] == ["Northfield Society"]


def test_title_after_a_field_keeps_its_holder(facts_of):
    text = "Maria Okafor is Professor of Critical Research in Technology and Director of the Centre for Computing at Eastfield University."
    facts = _match(facts_of(text), "employed_by", "Maria Okafor", None)
    # the field after "in" is no employer; the centre, a unit the text names, employs its director
    assert sorted((f.qualifiers.title, f.object.canonical) for f in facts) == [("Director", "Centre for Computing"), ("Professor of Critical Research", "Eastfield University")]
    assert ("Centre for Computing", "Eastfield University") in {(f.subject.canonical, f.object.canonical) for f in facts_of(text) if f.relation == "part_of"}


@pytest.mark.parametrize(
    ("text", "award", "year"),
    [
        ("Ingrid Halvorsen is a Fellow of the ACM (2015).", "Fellow of the ACM", "2015"),
        ("Ingrid Halvorsen is an IEEE Fellow (2012) and an ACM Fellow (2014).", "ACM Fellow", "2014"),
        ("Ingrid Halvorsen is an IEEE Fellow (2012).", "IEEE Fellow", "2012"),
    ],
)
def test_the_year_in_parentheses_dates_the_honour(facts_of, text, award, year):
    assert {f.qualifiers.date for f in facts_of(text) if f.relation == "award_received" and f.object.canonical == award} == {year}


@pytest.mark.parametrize(
    ("text", "org", "end"),
    [
        ("Mira Lund is an engineer. She was the chief technology officer of Orbis until 2018.", "Orbis", "2018"),
        ("Mira Lund is an engineer. She was a professor at Tarn University until March 2019, when she joined Quillon.", "Tarn University", "2019-03"),
        ("Mira Lund is an engineer. She was head of research at Kestrel through 2020.", "Kestrel", "2020"),
    ],
)
def test_a_title_held_until_a_date_ends_then(facts_of, text, org, end):
    assert {f.qualifiers.end for f in facts_of(text) if f.relation == "employed_by" and f.object.canonical == org} == {end}


def test_a_later_title_after_and_later_is_a_second_job(facts_of):
    text = "Helga Sorensen previously spent six years at Quillon, where she was vice president of engineering and later chief operating officer."
    titles = {f.qualifiers.title for f in facts_of(text) if f.relation == "employed_by" and f.object.canonical == "Quillon"}
    assert titles == {"vice president of engineering", "chief operating officer"}
    other = facts_of("Helga Sorensen was vice president of engineering at Quillon and later a mother of three.")
    assert {f.qualifiers.title for f in other if f.relation == "employed_by"} == {"vice president of engineering"}


def test_becoming_what_is_no_title_adds_no_job(facts_of):
    facts = facts_of("Helga Sorensen joined Quillon in 2010, becoming a mother in 2012.")
    assert {f.qualifiers.title for f in facts if f.relation == "employed_by"} == {None}


def test_until_without_a_date_ends_nothing(facts_of):
    facts = facts_of("Mira Lund is an engineer. She was a professor at Tarn University until further notice.")
    assert {f.qualifiers.end for f in facts if f.relation == "employed_by"} == {None}


def test_a_promotion_to_a_title_of_the_employer_keeps_the_title(facts_of):
    facts = facts_of("Ana Ruiz was promoted to chief technology officer of Quillon in 2022.")
    assert {f.qualifiers.title for f in facts if f.relation == "employed_by" and f.object.canonical == "Quillon"} == {"chief technology officer"}


def test_departure_date_is_the_end(facts_of):
    facts = _match(facts_of("In 2015 Maria Okafor left Orbit Systems to found Brightleaf."), "employed_by", "Maria Okafor", "Orbit Systems")
    assert [f.qualifiers.end for f in facts] == ["2015"]


def test_interim_title_keeps_its_modifier(facts_of):
    facts = _match(facts_of(STORY + "Maria Okafor will serve as interim CEO."), "employed_by", "Maria Okafor", "Northwind Inc.")
    assert [f.qualifiers.title for f in facts] == ["interim CEO"]


def test_award_won_in_several_years_is_one_fact_a_year(facts_of):
    text = "Maria Okafor won Outstanding Paper awards in 2018, 2022, and 2024."
    facts = _match(facts_of(text), "award_received", "Maria Okafor", "Outstanding Paper award")
    assert sorted(f.qualifiers.date for f in facts) == ["2018", "2022", "2024"]


def test_of_the_year_keeps_year_and_body(facts_of):
    facts = _match(facts_of("Maria Okafor was recognized by the School of Engineering as its 2010 Alumnus of the Year."), "award_received", "Maria Okafor", "Alumnus of the Year")
    assert [(f.qualifiers.date, f.qualifiers.org) for f in facts] == [("2010", "School of Engineering")]


def test_award_enumeration_keeps_the_awarding_body(facts_of):
    facts = _match(facts_of(_AWARD_LIST), "award_received", "Maria Okafor", "Aggarwal Prize")
    assert facts and facts[0].qualifiers.org == "International Association for Pattern Recognition"


def test_a_hire_dates_its_start(facts_of):
    facts = facts_of("Kestrel Systems lured Li Wei away from Quillon in 2019.")
    hired = [f for f in facts if f.relation == "employed_by" and f.object.canonical == "Kestrel Systems"]
    assert [f.qualifiers.start for f in hired] == ["2019"]


@pytest.mark.parametrize(
    "text, person, org, quals",
    [
        # "... and served as its T until Y" after a founding: a second role, from the founding to Y
        ("In 2015 Mira Olsen co-founded Brightline, a robotics startup, and served as its chief scientist until 2019.",
         "Mira Olsen", "Brightline", {"title": "chief scientist", "start": "2015", "end": "2019"}),
        ("Jon Park founded Kestrel Labs in 2012 and served as its CEO until 2018.", "Jon Park", "Kestrel Labs", {"title": "CEO", "start": "2012", "end": "2018"}),
        ("Li Wei co-founded Northwind Labs in 2016 and later served as its chief technology officer.", "Li Wei", "Northwind Labs", {"title": "chief technology officer"}),
        # an appointment with no employer in the clause: where the text last placed the person
        ("Mira Olsen joined Lund University in 2001. She was appointed full professor in 2008.", "Mira Olsen", "Lund University",
         {"title": "full professor", "start": "2008"}),
        ("Jon Park joined Kestrel Labs in 2010. He was named principal scientist in 2015.", "Jon Park", "Kestrel Labs", {"title": "principal scientist", "start": "2015"}),
    ],
)
def test_a_second_role_at_a_known_employer(facts_of, text, person, org, quals):
    got = [f.qualifiers.model_dump(exclude_none=True) for f in facts_of(text) if f.relation == "employed_by" and f.subject.canonical == person and f.object.canonical == org]
    assert quals in got, got


@pytest.mark.parametrize(
    "text, title",
    [
        ("Jon Park founded Kestrel Labs in 2012 and served as a judge until 2018.", "judge"),
        ("Jon Park founded Kestrel Labs in 2012 and served as its CEO's advisor.", "CEO"),
        ("Mira Olsen was appointed full professor in 2008.", "full professor"),  # placed nowhere before: no employer
    ],
)
def test_no_second_role_without_the_company_or_its_title(facts_of, text, title):
    assert not [f for f in facts_of(text) if f.relation == "employed_by" and f.qualifiers.title == title]


@pytest.mark.parametrize(
    "text, person, org, quals",
    [
        # the span of a job written after its employer
        ("Jon Park worked at Kestrel Labs from 2010 to 2014.", "Jon Park", "Kestrel Labs", {"start": "2010", "end": "2014"}),
        ("Li Wei worked for Quillon between 2016 and 2019.", "Li Wei", "Quillon", {"start": "2016", "end": "2019"}),
        ("Mira Olsen has worked at Brightline since March 2015.", "Mira Olsen", "Brightline", {"start": "2015-03", "end": "present"}),
        ("Jon Park has been with Northwind Labs since 2018.", "Jon Park", "Northwind Labs", {"start": "2018", "end": "present"}),
    ],
)
def test_a_job_spans_the_dates_after_its_employer(facts_of, text, person, org, quals):
    got = [f.qualifiers.model_dump(exclude_none=True) for f in facts_of(text) if f.relation == "employed_by" and f.subject.canonical == person and f.object.canonical == org]
    assert quals in got, got


@pytest.mark.parametrize(
    "text, org",
    [
        ("Jon Park has been with his family since 2018.", "his family"),
        ("Jon Park worked at Kestrel Labs from home in 2012.", None),  # "from home": no span
    ],
)
def test_no_span_without_dates_or_employer(facts_of, text, org):
    facts = [f for f in facts_of(text) if f.relation == "employed_by"]
    if org is None:
        assert all(not f.qualifiers.start and not f.qualifiers.end for f in facts)
    else:
        assert not [f for f in facts if f.object.canonical == org]
