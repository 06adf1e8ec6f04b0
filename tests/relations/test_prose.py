"""Prose relation rules on sentences written for the tests: one table row per rule family."""

from __future__ import annotations

import pytest



def _has(facts, relation, subject, obj, **quals):
    for f in facts:
        if f.relation == relation and f.subject.canonical == subject and f.object.canonical == obj:
            q = f.qualifiers.model_dump()
            if all(q.get(k) == v for k, v in quals.items()):
                return True
    return False


POSITIVE = [
    # educated_at: an honour between "graduated" and "from"
    ("Li Wei graduated summa cum laude from Northfield University in 2009.", "educated_at", "Li Wei", "Northfield University", {"end": "2009"}),
    ("Li Wei graduated with honors from Northfield University in 2009 with a degree in mathematics.", "educated_at", "Li Wei", "Northfield University", {"end": "2009"}),
    ("Jon Park graduated first in his class from Kestrel University.", "educated_at", "Jon Park", "Kestrel University", {}),
    # educated_at
    ("Maria Okafor received her master's degree in chemistry from the University of Lagos in 2012.",
     "educated_at", "Maria Okafor", "University of Lagos", {"degree": "master's degree", "field": "chemistry", "end": "2012"}),
    ("Maria Okafor received the Ph.D. degree in physics from Delft University of Technology, Netherlands, in 2015.",
     "educated_at", "Maria Okafor", "Delft University of Technology", {"degree": "Ph.D.", "end": "2015"}),
    ("Maria Okafor graduated from Lund University with a bachelor's degree.",
     "educated_at", "Maria Okafor", "Lund University", {"degree": "bachelor's degree"}),
    ("Maria Okafor holds degrees from Lund University, Aalto University and the University of Porto.",
     "educated_at", "Maria Okafor", "University of Porto", {}),
    ("Maria Okafor was a visiting student at Kyoto University in 2019. She likes tea.",
     "educated_at", "Maria Okafor", "Kyoto University", {"degree": "visiting student"}),
    # a unit's acronym between it and its university: the university is the school
    ("Maria Okafor is a Ph.D. candidate at the Institute of Widget Forming (IWF), Lakeside Technical University.",
     "educated_at", "Maria Okafor", "Lakeside Technical University", {"degree": "Ph.D."}),
    ("Maria Okafor is a Ph.D. candidate at the Institute of Widget Forming, Lakeside Technical University.",
     "educated_at", "Maria Okafor", "Lakeside Technical University", {"degree": "Ph.D."}),
    ("Maria Okafor is a Ph.D. candidate at the Institute of Widget Forming (IWF), Lakeside Technical University.",
     "part_of", "Institute of Widget Forming", "Lakeside Technical University", {}),
    ("Maria Okafor is a research scientist at the Gizmo Research Center (GRC), Orbit University.",
     "part_of", "Gizmo Research Center", "Orbit University", {}),
    # a joint programme of two named institutions: both are schools; "and" inside one name keeps it whole
    ("Maria Okafor is a joint Ph.D. student at Quillon University and Northwind AI Laboratory.",
     "educated_at", "Maria Okafor", "Quillon University", {"degree": "Ph.D."}),
    ("Maria Okafor is a joint Ph.D. student at Quillon University and Northwind AI Laboratory.",
     "educated_at", "Maria Okafor", "Northwind AI Laboratory", {"degree": "Ph.D."}),
    ("Maria Okafor is a Ph.D. student at Lakeside University of Science and Technology.",
     "educated_at", "Maria Okafor", "Lakeside University of Science and Technology", {"degree": "Ph.D."}),
    # employed_by
    ("Maria Okafor is a Senior Research Scientist at Lumen Robotics.",
     "employed_by", "Maria Okafor", "Lumen Robotics", {"title": "Senior Research Scientist"}),
    ("From 2012 to 2016, Maria Okafor was a software engineer at Orbit Systems.",
     "employed_by", "Maria Okafor", "Orbit Systems", {"title": "software engineer", "start": "2012", "end": "2016"}),
    ("In 2019, Maria Okafor joined Orbit Labs as a research scientist.",
     "employed_by", "Maria Okafor", "Orbit Labs", {"title": "research scientist", "start": "2019"}),
    ("The launch was announced by Peter Vance, Founder and CEO of Quillon.",
     "employed_by", "Peter Vance", "Quillon", {"title": "Founder and CEO"}),
    ("Maria Okafor is Professor of Applied Ethics in Technology and Director of the Harbor Centre at Lund University.",
     "employed_by", "Maria Okafor", "Lund University", {"title": "Professor of Applied Ethics"}),
    ("Maria Okafor is Lecturer of Applied Ethics in Engineering and Head of the Ethics Lab at Aalto University.",
     "employed_by", "Maria Okafor", "Aalto University", {}),
    ("Maria Okafor also founded and led the Data Systems department at the Quillon Center.",
     "employed_by", "Maria Okafor", "Data Systems department", {"title": "founder"}),
    ("In 2008 Maria Okafor co-founded Brightleaf, a payments company.",
     "employed_by", "Maria Okafor", "Brightleaf", {"title": "co-founder", "start": "2008"}),
    # head of a unit: employed_by the company, leads the unit, unit part_of company
    ("Maria Okafor is currently the Head of Speech Group, Orbit Systems Inc., Austin.",
     "employed_by", "Maria Okafor", "Orbit Systems Inc.", {"title": "Head of Speech Group", "end": "present"}),
    ("Maria Okafor is currently the Head of Speech Group, Orbit Systems Inc., Austin.",
     "leads", "Maria Okafor", "Speech Group", {"role": "Head"}),
    ("Maria Okafor is currently the Head of Speech Group, Orbit Systems Inc., Austin.",
     "part_of", "Speech Group", "Orbit Systems Inc.", {}),
    # leads / reports_to
    ("Maria Okafor led the Halcyon project, which produced a compiler.",
     "leads", "Maria Okafor", "Halcyon project", {}),
    ("Maria Okafor runs a small lab. Her +2 leader is Peter Vance.",
     "reports_to", "Maria Okafor", "Peter Vance", {"level": "+2"}),
    # developed / part_of
    ("Quillon released Falcon-7B on March 3, 2024.",
     "developed", "Quillon", "Falcon-7B", {"date": "2024-03-03"}),
    ("Quillon established the research department Nova, and Maria Okafor moved there.",
     "part_of", "Nova", "Quillon", {}),
    # date_of_birth, awards
    ("Maria Okafor (born March 3, 1985) is a chemist.",
     "date_of_birth", "Maria Okafor", "1985-03-03", {}),
    ("In 2016, Maria Okafor was elected a Fellow of the Royal Academy of Engineering.",
     "award_received", "Maria Okafor", "Fellow of the Royal Academy of Engineering", {"date": "2016"}),
    ("Maria Okafor received the Turing Award in 2019.",
     "award_received", "Maria Okafor", "Turing Award", {"date": "2019"}),
    # "named one of / among GIVER's N Most X": a ranked list, with who ranks; a fellowship ends before "and has"
    ("Nora Vance is a chemist. She was named one of Gizmo magazine's 100 Most Influential People in Chemistry in 2024.",
     "award_received", "Nora Vance", "100 Most Influential People in Chemistry", {"org": "Gizmo magazine", "date": "2024"}),
    ("Tom Berg is a Fellow of the Widget Society and has been consistently named among Gizmo magazine's 100 most influential people in AI.",
     "award_received", "Tom Berg", "Fellow of the Widget Society", {}),
    ("Ada Kim was named one of Forbes's Top 50 Women in Tech.", "award_received", "Ada Kim", "Top 50 Women in Tech", {"org": "Forbes"}),
    # a long enumeration of awards: acronyms in a name, "Award in FIELD from GIVER", "three X Awards"
    ("Ada Kim is a recipient of an NSF CAREER award, an Office of Widget Research (OWR) Young Investigator Program (YIP) award, and an Amazon Academic Research Award.",
     "award_received", "Ada Kim", "Office of Widget Research (OWR) Young Investigator Program (YIP) award", {}),
    ("Ada Kim is a recipient of an Allen Distinguished Investigator Award in Gizmos from the Kestrel Family Foundation, and a Sloan Research Fellowship.",
     "award_received", "Ada Kim", "Sloan Research Fellowship", {}),
    ("Tom Berg has received a Widget Medal, three Gizmo Faculty Research Awards, and an Amazon Academic Research Award.",
     "award_received", "Tom Berg", "Gizmo Faculty Research Award", {}),
    # "ORG, where PRON earned DEGREE in FIELD (YEAR), DEGREE ...": each degree from the school before "where"
    ("Nora Vance moved to the University of Lund, where she earned her bachelor's degree in physics (2005), master's in chemistry (2007), and PhD in chemistry (2013).",
     "educated_at", "Nora Vance", "University of Lund", {"degree": "master's", "field": "chemistry", "end": "2007"}),
    ("Tom Berg moved to Aalto University, where he received a bachelor's degree in physics in 2001 and a PhD in chemistry in 2006.",
     "educated_at", "Tom Berg", "Aalto University", {"degree": "PhD", "field": "chemistry", "end": "2006"}),
    ("Ada Kim spent ten years at Kyoto University, where she obtained a Ph.D. degree in 2012.",
     "educated_at", "Ada Kim", "Kyoto University", {"degree": "Ph.D.", "end": "2012"}),
    # a diploma is a degree
    ("Nora Vance received an Engineering Diploma from Eastfield Polytechnic and a PhD from Lund University.",
     "educated_at", "Nora Vance", "Eastfield Polytechnic", {"degree": "Engineering Diploma"}),
    ("Tom Berg earned a diploma in physics from the University of Oslo in 1999.",
     "educated_at", "Tom Berg", "University of Oslo", {"degree": "diploma", "field": "physics", "end": "1999"}),
    ("Ada Kim holds a Diplom in computer science from Gizmo University.",
     "educated_at", "Ada Kim", "Gizmo University", {"degree": "Diplom"}),
    # "attended / enrolled at" a school by its name
    ("Nora Vance attended the Open University of Oslo before enrolling at the University of Lund.",
     "educated_at", "Nora Vance", "Open University of Oslo", {}),
    ("Tom Berg attended Eastfield High School in Ohio.", "educated_at", "Tom Berg", "Eastfield High School", {}),
    ("Ada Kim enrolled in the Gizmo Polytechnic in 2001.", "educated_at", "Ada Kim", "Gizmo Polytechnic", {}),
    # two titles at two employers: "TITLE at ORG and MODIFIER TITLE at ORG"
    ("Nora Vance is VP & Chief Data Officer at Kestrel and Silver Professor at Eastfield University.",
     "employed_by", "Nora Vance", "Kestrel", {"title": "VP & Chief Data Officer"}),
    ("Nora Vance is VP & Chief Data Officer at Kestrel and Silver Professor at Eastfield University.",
     "employed_by", "Nora Vance", "Eastfield University", {"title": "Silver Professor"}),
    ("Tom Berg is Head of Research at Orbit Labs and Regents Professor at Lund University.",
     "employed_by", "Tom Berg", "Lund University", {"title": "Regents Professor"}),
    ("Ada Kim is Chief Scientist at Northwind and Emeritus Professor at Aalto University.",
     "employed_by", "Ada Kim", "Northwind", {"title": "Chief Scientist"}),
    ("Ada Kim is a researcher at Procter and Gamble Labs.",
     "employed_by", "Ada Kim", "Procter and Gamble Labs", {"title": "researcher"}),
    # "TITLE in the School/Department of X at ORG": the organisation employs, the unit is part of it
    ("Devi Roe is an Assistant Professor in the School of Interactive Computing at Gizmo Tech, and a Visiting Researcher at Kestrel AI Research.",
     "employed_by", "Devi Roe", "Gizmo Tech", {"title": "Assistant Professor"}),
    ("Devi Roe is an Assistant Professor in the School of Interactive Computing at Gizmo Tech, and a Visiting Researcher at Kestrel AI Research.",
     "employed_by", "Devi Roe", "Kestrel AI Research", {"title": "Visiting Researcher"}),
    ("Tom Berg is a lecturer in the Faculty of Law at Lund University.",
     "employed_by", "Tom Berg", "Lund University", {"title": "lecturer"}),
    ("Tom Berg is a lecturer in the Faculty of Law at Lund University.",
     "part_of", "Faculty of Law", "Lund University", {}),
    ("Ada Kim is an Associate Professor in the Department of Chemistry at Eastfield University.",
     "employed_by", "Ada Kim", "Eastfield University", {"title": "Associate Professor"}),
    # a title over a list of fields ("Professor of A, B, and C at ORG"); a list of affiliations
    ("Nora Vance is Director of Widget Research at Kestrel, and Silver Professor of Data Science, Computer Science, and Neural Science at Eastfield University.",
     "employed_by", "Nora Vance", "Eastfield University", {}),
    ("Ada Kim is Professor of Physics, Chemistry and Biology at Lund University.", "employed_by", "Ada Kim", "Lund University", {}),
    ("Tom Berg is a professor at Gizmo University, affiliated with the Widget Center, the Harbor Institute, and the Electrical and Computer Engineering Department.",
     "employed_by", "Tom Berg", "Electrical and Computer Engineering Department", {}),
    # "after a postdoc (with P) at ORG", "did a postdoc at ORG": a postdoc is a job there
    ("After a brief postdoc with Tom Berg at Gizmo University, Nora Vance joined Kestrel Labs in 2013.",
     "employed_by", "Nora Vance", "Gizmo University", {"title": "postdoc"}),
    ("Nora Vance did a postdoc at Lund University.", "employed_by", "Nora Vance", "Lund University", {"title": "postdoc"}),
    ("Tom Berg completed a two-year postdoctoral fellowship at the Widget Institute.",
     "employed_by", "Tom Berg", "Widget Institute", {"title": "postdoc"}),
    # "led the company's "X" project": a quoted name before the kind of effort
    ("Nora Vance is a chemist. She led the company's \"Gizmofication\" project, which aimed to build widgets.",
     "leads", "Nora Vance", "Gizmofication", {}),
    ("Tom Berg leads the \"Sprocket\" initiative at Kestrel Labs.", "leads", "Tom Berg", "Sprocket", {}),
    ("Ada Kim heads the \"Widget Futures\" team.", "leads", "Ada Kim", "Widget Futures", {}),
    # "I'm now a TITLE at ORG": the contracted verb links the title
    ("Mira Olsen wrote this post. We moved to Oslo, where I'm now an associate professor at Lund University and an associate research director at the Harbor Institute.",
     "employed_by", "Mira Olsen", "Harbor Institute", {"title": "associate research director", "end": "present"}),
    ("Mira Olsen wrote this post. I’m a research scientist at Kestrel Labs.",
     "employed_by", "Mira Olsen", "Kestrel Labs", {"title": "research scientist"}),
    ("Mira Olsen wrote this post. We're sure I'm now a lecturer at Gizmo University.",
     "employed_by", "Mira Olsen", "Gizmo University", {"title": "lecturer"}),
    # "TITLE at ORG affiliated with A & B": each is an employer
    ("Nora Vance is Silver Professor at Eastfield University affiliated with the Harbor Institute of Sciences & the Center for Data Science.",
     "employed_by", "Nora Vance", "Harbor Institute of Sciences", {}),
    ("Nora Vance is Silver Professor at Eastfield University affiliated with the Harbor Institute of Sciences & the Center for Data Science.",
     "employed_by", "Nora Vance", "Center for Data Science", {}),
    ("Tom Berg is a professor at Lund University, affiliated with the Gizmo Center and the Widget Institute.",
     "employed_by", "Tom Berg", "Widget Institute", {}),
    # "the Director of X and of Y": one title held at both; a capitalised word before a title after "is"
    ("Nora Vance was the founding Director of Kestrel Vision Lab and of the Eastfield Center for Robotics.",
     "employed_by", "Nora Vance", "Eastfield Center for Robotics", {"title": "founding Director"}),
    ("Nora Vance was the founding Director of Kestrel Vision Lab and of the Eastfield Center for Robotics.",
     "leads", "Nora Vance", "Eastfield Center for Robotics", {"role": "founding Director"}),
    ("Tom Berg was the Director of the Orbit Vision Lab and of the Gizmo Robotics Center.",
     "leads", "Tom Berg", "Gizmo Robotics Center", {"role": "Director"}),
    ("Ada Kim is Silver Professor at Eastfield University.",
     "employed_by", "Ada Kim", "Eastfield University", {"title": "Silver Professor"}),
    # "TITLE of ORG" where the tagger's title swallows the employer's first word; "bin" inside a name
    ("Mira Olsen is a full professor of Mohamed bin Zayed University of AI.",
     "employed_by", "Mira Olsen", "Mohamed bin Zayed University of AI", {"title": "full professor"}),
    ("Tom Berg was a tenured associate professor of Georgia Institute of Technology.",
     "employed_by", "Tom Berg", "Georgia Institute of Technology", {"title": "tenured associate professor"}),
    ("Ada Kim is a research scientist at the Hamad bin Khalifa University.",
     "employed_by", "Ada Kim", "Hamad bin Khalifa University", {"title": "research scientist"}),
    # the present tense: "works at/for", "is employed by", "is currently with"
    ("Tomas Ekberg works at Vireo Health as a data scientist.", "employed_by", "Tomas Ekberg", "Vireo Health", {"title": "data scientist"}),
    ("# Ivo Quist\n\nIvo Quist works at Arden Robotics as a senior engineer.", "employed_by", "Ivo Quist", "Arden Robotics", {"title": "senior engineer"}),
    ("Lena Okafor works for Brenner Systems.", "employed_by", "Lena Okafor", "Brenner Systems", {}),
    ("Mira Castell is employed by Helix Labs as a data engineer.", "employed_by", "Mira Castell", "Helix Labs", {"title": "data engineer"}),
    ("Ivo Quist is currently with Arden Robotics.", "employed_by", "Ivo Quist", "Arden Robotics", {}),
    # a page headed by the person's name: the heading and the sentence are two mentions, not one
    ("# Mira Castell\n\nMira Castell is a researcher at Helix Labs.", "employed_by", "Mira Castell", "Helix Labs", {"title": "researcher"}),
    # "studied FIELD at X", "did her undergraduate studies at X", "Educated at A and B, P ...", "a X University alumna"
    ("Lena Okafor studied computer science at Quillon University.", "educated_at", "Lena Okafor", "Quillon University", {"field": "computer science"}),
    ("Tom Berg did his doctoral work at Orbit College.", "educated_at", "Tom Berg", "Orbit College", {}),
    ("Educated at Orbit College and Quillon University, Lena Okafor joined Helix Labs in 2010.", "educated_at", "Lena Okafor", "Orbit College", {}),
    ("Educated at Orbit College and Quillon University, Lena Okafor joined Helix Labs in 2010.", "educated_at", "Lena Okafor", "Quillon University", {}),
    ("Lena Okafor is a Quillon University alumna.", "educated_at", "Lena Okafor", "Quillon University", {}),
    ("Tom Berg, an Orbit College graduate, founded Vireo Health.", "educated_at", "Tom Berg", "Orbit College", {}),
    # "an alumna / a graduate of A and B" (each school), "dropped out of X"
    ("Lena Okafor is an alumna of Orbit College and Quillon University.", "educated_at", "Lena Okafor", "Quillon University", {}),
    ("Tom Berg is a graduate of Orbit College, Quillon University and the Kestrel Institute of Technology.", "educated_at", "Tom Berg", "Kestrel Institute of Technology", {}),
    ("Lena Okafor is a scientist. She dropped out of Quillon University in 2005 to found Tidewell.", "educated_at", "Lena Okafor", "Quillon University", {}),
    # a note in parentheses between the field and the school
    ("# Qi Wang\n\nI'm a final year undergraduate student in artificial intelligence (with honors) at Quillon University (QU).", "educated_at", "Qi Wang", "Quillon University", {"field": "artificial intelligence"}),
    ("Qi Wang received a B.S. in physics (summa cum laude) from Orbit College in 2019.", "educated_at", "Qi Wang", "Orbit College", {"degree": "B.S.", "end": "2019"}),
    # the first person: "I work at X as T"
    ("# Tong Lee\n\nI work at Brenner Systems as a senior research engineer now in Beijing.", "employed_by", "Tong Lee", "Brenner Systems", {"title": "senior research engineer"}),
    ("# Tong Lee\n\nI currently work for Helix Labs.", "employed_by", "Tong Lee", "Helix Labs", {}),
    # "a Ph.D. degree in X University", "joined X to pursue the Ph.D. degree"
    ("# Zoe Kim\n\nI am working towards a Ph.D. degree in Quillon University, under the supervision of Prof. Tom Berg.", "educated_at", "Zoe Kim", "Quillon University", {"degree": "Ph.D."}),
    ("# Zoe Kim\n\nIn 2023, I joined Quillon University to pursue the Ph.D. degree under the supervision of Tom Berg.", "educated_at", "Zoe Kim", "Quillon University", {"degree": "Ph.D."}),
    # "joined X in 2019 as T", "joined X as its T in 2019", "was hired by X in 2018"
    ("Lena Okafor joined Brenner Systems as its chief scientist in 2019.", "employed_by", "Lena Okafor", "Brenner Systems", {"title": "chief scientist", "start": "2019"}),
    ("Tom Berg joined Helix Labs in 2017 as a data engineer.", "employed_by", "Tom Berg", "Helix Labs", {"title": "data engineer", "start": "2017"}),
    ("Lena Okafor was hired by Brenner Systems in 2018.", "employed_by", "Lena Okafor", "Brenner Systems", {"start": "2018"}),
    ("Tom Berg was recruited by Helix Labs as a data engineer.", "employed_by", "Tom Berg", "Helix Labs", {"title": "data engineer"}),
    ("Lena Okafor has been a faculty member at Quillon University since 2012.", "employed_by", "Lena Okafor", "Quillon University", {"title": "faculty member", "start": "2012"}),
    # a unit and its host tagged as one name, and a unit without a name of its own at a named host
    ("Lena Okafor heads the Vision Lab at Quillon University.", "leads", "Lena Okafor", "Vision Lab", {}),
    ("Lena Okafor heads the Vision Lab at Quillon University.", "part_of", "Vision Lab", "Quillon University", {}),
    ("Lena Okafor, who leads the robotics group at Helix Labs, spoke at the event.", "leads", "Lena Okafor", "robotics group", {}),
    ("Tom Berg directs the speech team at Orbit Labs.", "employed_by", "Tom Berg", "Orbit Labs", {}),
    # encyclopedia openings: a named professorship, a second predicate after the occupation
    ("Tom Berg is the Brenner Professor of Robotics at Quillon University.", "employed_by", "Tom Berg", "Quillon University", {"title": "Brenner Professor of Robotics"}),
    ("Tom Berg is a Swedish computer scientist and the Arden Professor of Physics at Orbit College.", "employed_by", "Tom Berg", "Orbit College", {"title": "Arden Professor of Physics"}),
    ("Ada Kim is a computer scientist and a professor at Quillon University.", "employed_by", "Ada Kim", "Quillon University", {"title": "professor"}),
    ("Tom Berg went on to work at Helix Labs, where he became director of research in 2005.", "employed_by", "Tom Berg", "Helix Labs", {}),
    # "moved to X as T", "served on the faculty of X", "is on leave from X", "spent 2010–2012 at X as T"
    ("In 2010, David Chen moved to Helix Labs as a principal scientist.", "employed_by", "David Chen", "Helix Labs", {"title": "principal scientist", "start": "2010"}),
    ("David Chen served on the faculty of Quillon University for ten years.", "employed_by", "David Chen", "Quillon University", {}),
    ("Sarah Miller is on sabbatical from Orbit College this year.", "employed_by", "Sarah Miller", "Orbit College", {}),
    ("Sarah Miller is also affiliated with Helix Labs.", "employed_by", "Sarah Miller", "Helix Labs", {}),
    ("Sarah Miller spent 2010–2012 at Helix Labs as a postdoc.", "employed_by", "Sarah Miller", "Helix Labs", {"start": "2010", "end": "2012", "title": "postdoc"}),
    # a birth place before the date, a life span after the name
    ("Sarah Miller was born in Leeds in 1975 and grew up in York.", "date_of_birth", "Sarah Miller", "1975", {}),
    ("David Chen was born at Oslo, Norway, on 3 May 1980.", "date_of_birth", "David Chen", "1980-05-03", {}),
    ("Sarah Miller (1950–2020) was a chemist at Helix Labs.", "date_of_birth", "Sarah Miller", "1950", {}),
    # news appositions: an article before the organisation and title, a possessive title before the name, "formerly of"
    ("Sarah Miller, a former Helix Labs researcher, founded Vireo Health.", "employed_by", "Sarah Miller", "Helix Labs", {"title": "researcher"}),
    ("David Chen, an Orbit Systems engineer, said the fix was ready.", "employed_by", "David Chen", "Orbit Systems", {"title": "engineer"}),
    ("Brenner Systems' head of AI, Sarah Miller, said the model was ready.", "employed_by", "Sarah Miller", "Brenner Systems", {"title": "head of AI"}),
    ("Helix's chief scientist, David Chen, said the model was ready.", "employed_by", "David Chen", "Helix", {"title": "chief scientist"}),
    ("Sarah Miller, Brenner Systems' chief scientist, said the model was ready.", "employed_by", "Sarah Miller", "Brenner Systems", {"title": "chief scientist"}),
    ("Sarah Miller, formerly of Helix Labs, now leads research at Brenner Systems.", "employed_by", "Sarah Miller", "Helix Labs", {}),
    ("Former Helix executive Sarah Miller said the deal was good.", "employed_by", "Sarah Miller", "Helix", {"title": "executive"}),
    ("Sarah Miller stepped down as CEO of Brenner Systems in 2023.", "employed_by", "Sarah Miller", "Brenner Systems", {"title": "CEO", "end": "2023"}),
    # ownership: "merged into", "is owned by", "which Y bought", "Y's research arm, X,"
    ("Helix Labs merged into Brenner Systems in 2021.", "part_of", "Helix Labs", "Brenner Systems", {}),
    ("Helix Labs is owned by Brenner Systems.", "part_of", "Helix Labs", "Brenner Systems", {}),
    ("Helix Labs, which Brenner Systems bought in 2018, builds robots.", "part_of", "Helix Labs", "Brenner Systems", {}),
    ("Brenner Systems' research arm, Helix Labs, builds robots.", "part_of", "Helix Labs", "Brenner Systems", {}),
    ("Orbit Motors' software unit, Kestrel Labs, hired 40 engineers.", "part_of", "Kestrel Labs", "Orbit Motors", {}),
    # first-person homepage careers: internships without a title, "Prior to X, I was at Y", a stay with an adjective
    ("# Sarah Miller\n\nPreviously, I interned at Helix Labs and Brenner Systems.", "employed_by", "Sarah Miller", "Brenner Systems", {"title": "research intern"}),
    ("# Sarah Miller\n\nPrior to Helix Labs, I was at Brenner Systems.", "employed_by", "Sarah Miller", "Brenner Systems", {}),
    ("# Sarah Miller\n\nI spent two wonderful years at Helix Labs.", "employed_by", "Sarah Miller", "Helix Labs", {}),
    # a lower-case unit the clause's "where" places at its host; an award "recognized with"
    ("Sarah Miller is a scientist at Helix Labs, where she leads the speech team.", "leads", "Sarah Miller", "speech team", {}),
    ("Sarah Miller was recognized with the Arden Prize in 2020.", "award_received", "Sarah Miller", "Arden Prize", {"date": "2020"}),
    # memberships an election or induction confers, and a possessive list of honours
    ("Lena Okafor was elected to the National Academy of Widgets in 2022.", "award_received", "Lena Okafor", "National Academy of Widgets", {"date": "2022"}),
    ("Tom Berg was inducted into the Robotics Hall of Fame in 2015.", "award_received", "Tom Berg", "Robotics Hall of Fame", {"date": "2015"}),
    ("Ada Kim was elected to the Royal Society of Gizmos.", "award_received", "Ada Kim", "Royal Society of Gizmos", {}),
    ("Lena Okafor's honors include the Arden Medal, the Brenner Prize and a Helix Fellowship.", "award_received", "Lena Okafor", "Helix Fellowship", {}),
    ("Lena Okafor's honors include the Arden Medal, the Brenner Prize and a Helix Fellowship.", "award_received", "Lena Okafor", "Arden Medal", {}),
    # an organisation's functions without a name of their own, led as one ("leads the company's research and product functions")
    ("Ana Ruiz is the CTO of Quillon. She already leads the company’s research, product, and safety functions.", "leads", "Ana Ruiz",
     "research, product, and safety functions", {}),
    ("Jon Park is a vice president at Quillon. He oversees Quillon’s sales and marketing teams.", "leads", "Jon Park", "sales and marketing teams", {}),
    ("Mira Olsen joined Kestrel in 2019. She runs its search division.", "leads", "Mira Olsen", "search division", {}),
    # "the Head of A (AA) and the Head of B (BB)": an acronym after each unit keeps the list of titles going
    ("Jon Park is a Professor at Lakeside University, serving as the Head of Widget Research Centre (WRC) and the Head of Gizmo Extraction Lab (GEL).",
     "leads", "Jon Park", "Gizmo Extraction Lab", {"role": "Head"}),
    ("Mira Olsen is the Director of Kestrel Robotics Institute (KRI) and the Director of Tidewell Data Center (TDC).",
     "leads", "Mira Olsen", "Tidewell Data Center", {"role": "Director"}),
    # a title right before "of" and an organisation whose name opens with an acronym: the title is no part of the name
    ("Jon Park is a professor. He has previously served as CEO of QRX Widget Foundation, which runs an incubator.",
     "employed_by", "Jon Park", "QRX Widget Foundation", {"title": "CEO"}),
    ("Mira Olsen was President of NLP Gizmo Society from 2010 to 2014.", "employed_by", "Mira Olsen", "NLP Gizmo Society", {"title": "President"}),
    # a title over a field named in capitals ("Director of AI Research at X"): X is the employer, and no unit is led
    ("Ana Ruiz is the Director of AI Research at Quillon.", "employed_by", "Ana Ruiz", "Quillon", {"title": "Director of AI Research"}),
    ("Jon Park is Head of ML Engineering at Northwind Labs.", "employed_by", "Jon Park", "Northwind Labs", {"title": "Head of ML Engineering"}),
    ("Li Wei was VP of AI Science at Brightline until 2020.", "employed_by", "Li Wei", "Brightline", {"title": "VP of AI Science"}),
    # the twin: an organisation's name after "of" (it opens with a name, not a field) is led
    ("Ana Ruiz is the founding Director of Quillon AI Research.", "leads", "Ana Ruiz", "Quillon AI Research", {"role": "founding Director"}),
    # an award named for whom it is given to ("for Graduate Students", "for Young Scientists"), but not for what
    ("Ada Reyes is a student. In 2023 she was awarded the Top-grade Scholarship for Graduate Students.", "award_received", "Ada Reyes",
     "Top-grade Scholarship for Graduate Students", {"date": "2023"}),
    ("Jon Park received the Quillon Award for Young Scientists in 2019.", "award_received", "Jon Park", "Quillon Award for Young Scientists", {"date": "2019"}),
    ("Mira Olsen won the Kestrel Prize for Deep Learning.", "award_received", "Mira Olsen", "Kestrel Prize", {}),
    # after "awards include", a name without an award word is an award too, with its year in parentheses
    ("Jon Park is a professor. His awards include the Widget TR100 (2004), a Gizmo Foundation Fellowship (2006), and the Kestrel Medal (2010).",
     "award_received", "Jon Park", "Widget TR100", {"date": "2004"}),
    ("Jon Park is a professor. His awards include the Widget TR100 (2004), a Gizmo Foundation Fellowship (2006), and the Kestrel Medal (2010).",
     "award_received", "Jon Park", "Gizmo Foundation Fellowship", {"date": "2006"}),
    ("Mira Olsen is a professor. Her honours include Quillon Top 40 (2019) and the Northwind Prize (2021).", "award_received", "Mira Olsen", "Quillon Top 40", {"date": "2019"}),
    # an enumeration goes on past where the first award was given ("at the International Conference on X (ICX) 2011")
    ("Ada Reyes was awarded the Best Widget Paper Award at the International Conference on Gizmo Learning (ICGL) 2011, the 2011 Quillon Key Challenges Award, "
     "and a Northwind PhD Fellowship in 2012.", "award_received", "Ada Reyes", "Quillon Key Challenges Award", {"date": "2011"}),
    # a discipline after "for" / "in" is part of an award's name; what it was won for is not (see "for Deep Learning" above)
    ("Mara Lind is a professor at Dunmore University. She received the Keller Prize for Applied Mathematics (2015).",
     "award_received", "Mara Lind", "Keller Prize for Applied Mathematics", {"date": "2015"}),
    ("Priya Raman is a professor. Priya was awarded the Brightwave U.K./Ireland Fellowship in Computer Vision in 2012 and the Harlow Best Research Award in 2011.",
     "award_received", "Priya Raman", "Brightwave U.K./Ireland Fellowship in Computer Vision", {"date": "2012"}),
    ("Tom Hale won the Ostrander Medal in Physics.", "award_received", "Tom Hale", "Ostrander Medal in Physics", {}),
    # enumerations: an item dated by "in YEAR" after its venue's acronym, "for YEAR", a quoted grant, "in 2014 and in 2015"
    ("Priya Raman is a professor. Her work has received the Best Student Paper Award at the European Conference on Robotics (ECR) in 2012 "
     "and the Quillon Research Best Papers Award for 2012.", "award_received", "Priya Raman", "Quillon Research Best Papers Award", {"date": "2012"}),
    ("Tom Hale is a researcher. He was awarded a Harlow Research Fellowship in 2016 and a 2017 \"Spark Grant\" from the Keller Foundation for Civic Media "
     "and the 2018 Dunmore Science Prize.", "award_received", "Tom Hale", "Dunmore Science Prize", {"date": "2018"}),
    ("Tom Hale is a researcher. He received a \"Golden Widget Award\" in 2019.", "award_received", "Tom Hale", "\"Golden Widget Award\"", {"date": "2019"}),
    ("Priya Raman is a professor. She was awarded the Harlow Best Research Award in 2011, and two Quillon Faculty Awards in 2014 and in 2015 respectively.",
     "award_received", "Priya Raman", "Quillon Faculty Award", {"date": "2015"}),
    # one item that names no award is stepped over; a giver cut at an initial does not end the enumeration
    ("Ada Kim is a chemist. She is a recipient of a Keller Award, Dunmore University's 30 under 30 recognition, and a Quillon Best Paper Prize.",
     "award_received", "Ada Kim", "Quillon Best Paper Prize", {}),
    ("Ada Kim is a chemist. She received a Keller Award, a trip to Oslo, and a Quillon Best Paper Prize.", "award_received", "Ada Kim", "Quillon Best Paper Prize", {}),
    ("Ada Kim is a chemist. She received a Keller Award in Robotics from the Paul G. Hale Foundation, two Quillon Faculty Awards and a Harlow Medal.",
     "award_received", "Ada Kim", "Harlow Medal", {}),
    # "upon / after winning" in a clause about its subject
    ("Jon Park is a student. His advisor Tom Hale, upon winning the 2020 Keller Prize, praised the lab.", "award_received", "Tom Hale", "Keller Prize", {"date": "2020"}),
    ("Ada Kim is a chemist. Ada Kim, since winning the Dunmore Prize for Physics, has led the lab.", "award_received", "Ada Kim", "Dunmore Prize for Physics", {}),
    # a unit named for a donor ("the Keller Department of X at Y", "the Keller School of Engineering at Y"): Y employs, the unit is part of Y
    ("Mara Lind is an Assistant Professor in the Keller Department of Electrical and Computer Engineering at Virginia Tech.",
     "employed_by", "Mara Lind", "Virginia Tech", {"title": "Assistant Professor"}),
    ("Mara Lind is an Assistant Professor in the Keller Department of Electrical and Computer Engineering at Virginia Tech.",
     "part_of", "Keller Department of Electrical and Computer Engineering", "Virginia Tech", {}),
    ("Mara Lind is an Assistant Professor in the Keller School of Engineering at Dunmore University.", "employed_by", "Mara Lind", "Dunmore University", {}),
    ("Jon Park is a lecturer in the Widget Department of the Keller School of Engineering at Dunmore University.",
     "part_of", "Widget Department", "Keller School of Engineering", {}),
    ("Mara Lind is a professor at the London School of Economics.", "employed_by", "Mara Lind", "London School of Economics", {}),
    # a title whose work is named before the employer ("a statistician focused on A at X"); more job heads
    ("# Mara Lind\n\nI am a statistician focused on child mortality at Brightwave.", "employed_by", "Mara Lind", "Brightwave", {"title": "statistician"}),
    ("Omar Said is a research scientist working on robot learning at Quillon Labs.", "employed_by", "Omar Said", "Quillon Labs", {"title": "research scientist"}),
    ("Omar Said is an affiliate faculty at Harlow University.", "employed_by", "Omar Said", "Harlow University", {"title": "affiliate faculty"}),
    # every founder after "with", and the year after them; "X, a new venture co-founded with B and C"
    ("Mara Lind co-founded Brightwave with Tomas Brandt and Aiko Moreno in 2019.", "employed_by", "Aiko Moreno", "Brightwave", {"title": "co-founder", "start": "2019"}),
    ("Mara Lind co-founded Brightwave with Tomas Brandt and Aiko Moreno in 2019.", "employed_by", "Mara Lind", "Brightwave", {"title": "co-founder", "start": "2019"}),
    ("In June 2024, Mara Lind announced Quillon Inc. (QI), a new venture co-founded with Tomas Brandt and Aiko Moreno.",
     "employed_by", "Aiko Moreno", "Quillon Inc.", {"title": "co-founder"}),
    ("In June 2024, Mara Lind announced Quillon Inc. (QI), a new venture co-founded with Tomas Brandt and Aiko Moreno.",
     "employed_by", "Mara Lind", "Quillon Inc.", {"title": "co-founder"}),
    # work done at a place: "contributed to X projects at Y", "engaged in X research at Y", "conducted X research at Y"
    ("# Mara Lind\n\nPrior to my current role, I contributed to tidal epidemiology projects at Harlow Hospital and engaged in urban widget research "
     "at the Dunmore Urban Institute.", "employed_by", "Mara Lind", "Dunmore Urban Institute", {}),
    ("# Mara Lind\n\nPrior to my current role, I contributed to tidal epidemiology projects at Harlow Hospital.", "employed_by", "Mara Lind", "Harlow Hospital", {}),
    ("Mara Lind is a chemist. She conducted widget research at Brightwave for two years.", "employed_by", "Mara Lind", "Brightwave", {}),
    # a lead title over a function a field word opens ("Senior Director of AI and Robot Vision"): the company employs, nothing else
    ("In June 2017, Mara Lind joined Brightwave as Senior Director of AI and Robot Vision, reporting directly to Tomas Brandt.",
     "employed_by", "Mara Lind", "Brightwave", {"start": "2017-06"}),
    # a mention or a place in the award's name ("Best Paper Award Honorable Mention"); "including," before the award
    ("Tom Hale is a researcher. He holds several Best Paper Awards and Nominations, including, the Best Paper Award Honorable Mention in 2017 "
     "at the Widget conference series.", "award_received", "Tom Hale", "Best Paper Award Honorable Mention", {"date": "2017"}),
    ("Tom Hale is a researcher. His paper received the Best Paper Award Finalist at the Gizmo Symposium.", "award_received", "Tom Hale", "Best Paper Award Finalist", {}),
    # a role the sentence adds after its employer: ", serving as T until D"
    ("Mara Lind joined Quillon Labs in 2015, serving as a research scientist until 2017.", "employed_by", "Mara Lind", "Quillon Labs",
     {"title": "research scientist", "start": "2015", "end": "2017"}),
    ("Mara Lind was a founding member of Quillon Labs in December 2015, serving as a research scientist until 2017.", "employed_by", "Mara Lind",
     "Quillon Labs", {"title": "research scientist", "start": "2015-12", "end": "2017"}),
    ("Mara Lind worked at Quillon Labs from 2015, serving as chief scientist until 2019.", "employed_by", "Mara Lind", "Quillon Labs",
     {"title": "chief scientist", "end": "2019"}),
    # engineering degrees written as one word ("BSEE", "B.S.E.")
    ("Tom Hale joined Quillon in 1990 after earning a BSEE with Honors from Harlow University.", "educated_at", "Tom Hale", "Harlow University", {"degree": "BSEE"}),
    ("Tom Hale received a B.S.E. in Computer Science from Dunmore College in 1991.", "educated_at", "Tom Hale", "Dunmore College",
     {"degree": "B.S.E.", "field": "Computer Science", "end": "1991"}),
    ("Tom Hale is a professor. After a postdoc at Harlow University he joined Quillon Labs in 1988.", "employed_by", "Tom Hale", "Harlow University", {"title": "postdoc"}),
    # "sits at the intersection of"
    ("# Tomas Ekberg\n\nMy research sits at the intersection of robotics, soft materials and machine learning.",
     "research_interest", "Tomas Ekberg", "soft materials", {}),
]


@pytest.mark.parametrize("text,relation,subject,obj,quals", POSITIVE)
def test_prose_fact(extract, text, relation, subject, obj, quals):
    facts = extract(text)
    assert _has(facts, relation, subject, obj, **quals), [(f.relation, f.subject.canonical, f.object.canonical, f.qualifiers.model_dump()) for f in facts]


NEGATIVE = [
    ("Mira Olsen joined Kestrel in 2019. She praised the company’s search team.", "leads", "search team"),
    ("Mira Olsen joined Kestrel in 2019. She leads the company’s growth.", "leads", "growth"),
    ("Jon Park is the Head of Widget Research Centre (WRC) and a fan of Gizmo Extraction Lab (GEL).", "leads", "Gizmo Extraction Lab"),
    ("Jon Park is a professor. He has previously served as CEO of QRX Widget Foundation, which runs an incubator.", "employed_by", "CEO of QRX Widget Foundation"),
    ("Ana Ruiz is the Director of AI Research at Quillon.", "leads", "Quillon"),
    ("Ana Ruiz is the Director of AI Research at Quillon.", "employed_by", "AI Research at Quillon"),
    ("Mira Olsen won the Kestrel Prize in Stockholm in 2019.", "award_received", "Kestrel Prize in Stockholm"),
    ("Mara Lind received the Keller Prize for her work on graphs.", "award_received", "Keller Prize for her work on graphs"),
    ("Tom Hale is a researcher. He received a \"golden\" handshake in 2019.", "award_received", "\"golden\" handshake"),
    ("Ada Kim is a chemist. She received a Keller Award, visited Oslo, and then the Quillon Best Paper Prize went to Tom.", "award_received", "Quillon Best Paper Prize"),
    ("Ada Kim is a chemist. She dreams of winning the Harlow Medal.", "award_received", "Harlow Medal"),
    ("Mara Lind is an Assistant Professor in the Keller Department of Electrical and Computer Engineering at Virginia Tech.", "employed_by", "Keller Department"),
    ("Mara Lind is an Assistant Professor in the Keller Department of Electrical and Computer Engineering at Virginia Tech.", "part_of", "Electrical and Computer Engineering"),
    ("Mara Lind visited Quillon Inc. (QI), a new venture that met with Tomas Brandt.", "employed_by", "Quillon"),
    ("Omar Said is a research scientist working on robots at night at home.", "employed_by", "home"),
    ("Mara Lind is a chemist. She conducted her doctoral research at Harlow University.", "employed_by", "Harlow University"),
    ("Mara Lind is a chemist. She contributed to a fundraiser at Quillon Hospital.", "employed_by", "Quillon Hospital"),
    ("Mara Lind is a chemist. She read about widget research at Brightwave.", "employed_by", "Brightwave"),
    ("In June 2017, Mara Lind joined Brightwave as Senior Director of AI and Robot Vision.", "employed_by", "Robot Vision"),
    ("In June 2017, Mara Lind joined Brightwave as Senior Director of AI and Robot Vision.", "leads", "Robot Vision"),
    ("Tom Hale is a researcher. He likes many sports, including, the Harlow Marathon.", "award_received", "Harlow Marathon"),
    ("Tom Hale is a professor. After a postdoc in Toronto he joined Quillon Labs in 1988.", "employed_by", "Toronto"),
    # a list cue over things that are no names, and a name list without the cue
    ("Jon Park is a professor. His awards include several from Quillon Labs.", "award_received", "Quillon Labs"),
    ("Jon Park is a professor. His hobbies include the Widget TR100 (2004) and chess.", "award_received", "Widget TR100"),
    ("Jon Park graduated with a fever from the hospital.", "educated_at", "hospital"),
    ("Maria Okafor is a chemist. She did not join Orbit Systems in 2020.", "employed_by", "Orbit Systems"),
    ("Maria Okafor is a chemist. She turned down an offer to join Orbit Systems.", "employed_by", "Orbit Systems"),
    ("Maria Okafor is a German Professor of Computer Science.", "employed_by", "Computer Science"),
    ("Maria Okafor is Professor of Applied Ethics in Technology and Director of the Harbor Centre at Lund University.", "employed_by", "Technology"),
    ("Maria Okafor is Professor of Applied Ethics in Technology.", "employed_by", "Technology"),
    ("Maria Okafor never founded and led the Data Systems department at the Quillon Center.", "employed_by", "Data Systems department"),
    ("Maria Okafor was appointed as a non-executive director of the Harbor Trust.", "employed_by", "Harbor Trust"),
    ("Maria Okafor has worked and studied at Lund University and Aalto University.", "educated_at", "Lund University"),
    ("Maria Okafor is a Ph.D. candidate at the Institute of Widget Forming (IWF), Lakeside Technical University.", "educated_at", "Institute of Widget Forming"),
    ("Maria Okafor is a joint Ph.D. student at Quillon University and Northwind AI Laboratory.", "educated_at", "Quillon University and"),
    ("Ada Kim is a professor in the School of Chemistry at Oslo.", "employed_by", "Oslo"),
    ("Tom Berg is a lecturer in the Faculty of Law at Lund University.", "employed_by", "Faculty of Law at"),
    ("Devi Roe is an Assistant Professor in the School of Interactive Computing at Gizmo Tech.", "employed_by", "School of Interactive Computing"),
    ("Mira Olsen wrote this post. I'm a fan of Professor Lee at Lund University.", "employed_by", "Lund University"),
    ("Mira Olsen wrote this post. I'm not a research scientist at Kestrel Labs.", "employed_by", "Kestrel Labs"),
    ("Mira Olsen wrote this post. Tom's advisor is at Gizmo University.", "employed_by", "Gizmo University"),
    ("Ada Kim is Professor of Physics, Chemistry and Biology.", "employed_by", "Biology"),
    ("Tom Berg is a professor at Gizmo University, and his lab is affiliated with the Widget Center.", "employed_by", "Widget Center"),
    ("Ada Kim was named one of the founders of Kestrel Labs.", "award_received", "founders"),
    ("Tom Berg named one of his cats after Gizmo magazine's 100 most famous robots.", "award_received", "famous robots"),
    ("Tom Berg is a Fellow of the Widget Society and has been named to the board.", "award_received", "has been"),
    ("Tom Berg is a chemist. He supervised the postdocs at Gizmo University.", "employed_by", "Gizmo University"),
    ("Tom Berg is a chemist. He recommended a postdoc at Gizmo University.", "employed_by", "Gizmo University"),
    ("Nora Vance never did a postdoc at Lund University.", "employed_by", "Lund University"),
    ("Ada Kim is a chemist. She joined the \"Widget Futures\" team.", "leads", "Widget Futures"),
    ("Tom Berg is a chemist. He led us to the \"Sprocket\" exhibit.", "leads", "Sprocket"),
    ("Nora Vance never led the \"Gizmofication\" project.", "leads", "Gizmofication"),
    ("Ada Kim is a researcher at Kestrel Labs affiliated with Oslo.", "employed_by", "Oslo"),
    ("Ada Kim is a researcher at Kestrel Labs, which is affiliated with Gizmo University.", "employed_by", "Gizmo University"),
    ("Tom Berg is a chemist affiliated with the idea of open science.", "employed_by", "open science"),
    ("Ada Kim is the Director of Kestrel Vision Lab and of her own destiny.", "employed_by", "destiny"),
    ("Nora Vance is Professor at Lund University and of the Widget Society President.", "employed_by", "Widget Society"),
    ("Ada Kim said it was Professor Lee at Eastfield University.", "employed_by", "Eastfield University"),
    ("Ada Kim is a recipient of an NSF CAREER award, and she met Tom Berg of the Widget Society (WS) award committee.", "award_received", "Widget Society"),
    ("Tom Berg has received a Widget Medal, three Gizmo Faculty Research visits, and an Amazon Academic Research internship.", "award_received", "Gizmo Faculty"),
    ("Ada Kim did not receive an Office of Widget Research (OWR) Young Investigator Program (YIP) award.", "award_received", "Office of Widget Research"),
    ("Nora Vance moved to the University of Lund, where she met her husband.", "educated_at", "University of Lund"),
    ("Tom Berg visited Aalto University, where he never earned a degree.", "educated_at", "Aalto University"),
    ("Ada Kim spent ten years at Kyoto University, where she taught a PhD course.", "educated_at", "Kyoto University"),
    ("Tom Berg is a diplomat at the Oslo Embassy.", "educated_at", "Oslo Embassy"),
    ("Ada Kim handed out diplomas at Gizmo University.", "educated_at", "Gizmo University"),
    ("Nora Vance never received a diploma from Eastfield Polytechnic.", "educated_at", "Eastfield Polytechnic"),
    ("Nora Vance attended the Widget Summit in Oslo.", "educated_at", "Widget Summit"),
    ("Tom Berg attended the NeurIPS workshop at Lund University.", "educated_at", "Lund University"),
    ("Ada Kim did not attend Eastfield High School.", "educated_at", "Eastfield High School"),
    ("Nora Vance is VP & Chief Data Officer at Kestrel and Silver Professor at Eastfield University.", "employed_by", "and Silver"),
    ("Tom Berg is Head of Research at Orbit Labs and Regents Professor at Lund University.", "employed_by", "and Regents"),
    ("Ada Kim thanked Tom Berg and Visiting Professor Lee at Lund University.", "employed_by", "Lund University"),
    ("Mira Olsen is a full professor of Computer Science.", "employed_by", "Computer Science"),
    ("Tom Berg was a tenured associate professor of Applied Physics.", "employed_by", "Applied Physics"),
    ("Ada Kim met Omar bin Salem at Hamad bin Khalifa University.", "employed_by", "Hamad"),
    ("Ivo Quist no longer works at Arden Robotics.", "employed_by", "Arden Robotics"),
    ("Lena Okafor was elected to the board of the Widget Society.", "award_received", "Widget Society"),
    ("Tom Berg was hired by Lena Okafor to paint the house.", "employed_by", "Lena Okafor"),
    ("# Zoe Kim\n\nI joined Quillon University to pursue my dream of teaching.", "educated_at", "Quillon University"),
    ("# Tong Lee\n\nI do not work at Helix Labs.", "employed_by", "Helix Labs"),
    ("# Zoe Kim\n\nI am working towards a better world at Quillon Hospital.", "educated_at", "Quillon Hospital"),
    ("Helix Labs is not owned by Brenner Systems.", "part_of", "Brenner Systems"),
    ("Sarah Miller, a Helix fan, said hi.", "employed_by", "Helix"),
    ("Sarah Miller is a scientist at Helix Labs, where she leads the team of the year award.", "leads", "team"),
    ("Sarah Miller was recognized with a standing ovation.", "award_received", "ovation"),
    ("# Sarah Miller\n\nPreviously, I was at NeurIPS in Vancouver.", "employed_by", "NeurIPS"),
    ("# Sarah Miller\n\nBefore lunch, she was at the Helix Labs cafeteria.", "employed_by", "Helix Labs"),
    ("Sarah Miller led the Orca project, and one of its papers was recognized with the Arden Prize.", "award_received", "Arden Prize"),
    ("Sarah Miller spent 2010–2012 at Helix Labs as a student.", "employed_by", "Helix Labs"),
    ("Sarah Miller is not affiliated with Helix Labs.", "employed_by", "Helix Labs"),
    ("Sarah Miller is affiliated with Boston in her heart.", "employed_by", "Boston"),
    ("Sarah Miller is a scientist. She dropped out of the race in 2005.", "educated_at", ""),
    ("Sarah Miller is a graduate of Orbit College and Quillon's chief scientist.", "educated_at", "Quillon"),
    ("David Chen was never on the faculty of Quillon University.", "employed_by", "Quillon University"),
    ("Our alumni: Sarah Miller (2018–2020) and David Chen (2019–2021).", "date_of_birth", "2018"),
    ("Sarah Miller was born in Leeds and moved to York in 1975.", "date_of_birth", "1975"),
    ("Sarah Miller, formerly of Boston, said hi.", "employed_by", "Boston"),
    ("Sarah Miller, a Helix Labs board member, said hi.", "employed_by", "Helix Labs"),
    ("Tom Berg is a Nigerian-American computer scientist.", "employed_by", "Nigerian"),
    ("Ada Kim is a Swedish engineer and a keen sailor.", "employed_by", "Swedish"),
    ("Tom Berg went on to work at the intersection of law and computing.", "employed_by", "intersection"),
    ("Brenner Systems spun off Helix Labs in 2022.", "part_of", "Brenner Systems"),
    ("Tom Berg, who Brenner Systems hired in 2018, builds robots.", "part_of", "Brenner Systems"),
    ("Ada Kim is a chemist. Lena Okafor's research arm, Tom Berg, said hi.", "part_of", "Lena Okafor"),
    ("Lena Okafor studied the effects of light at Quillon University.", "educated_at", "Quillon University"),
    ("Lena Okafor did not study physics at Quillon University.", "educated_at", "Quillon University"),
    ("Ada Kim, a Helix Labs alumna, joined Brenner Systems.", "educated_at", "Helix Labs"),
    ("Educated at Orbit College, Lena Okafor joined Helix Labs.", "educated_at", "Lena Okafor"),
    ("Lena Okafor was not hired by Brenner Systems.", "employed_by", "Brenner Systems"),
    ("Lena Okafor leads a team of ten engineers at Helix Labs.", "leads", "team of ten"),
    ("Lena Okafor visited the robotics group at Helix Labs.", "leads", "robotics group"),
    ("Tom Berg was elected to lead the Robotics Society.", "award_received", "Robotics Society"),
    ("Ada Kim was not elected to the National Academy of Widgets.", "award_received", "National Academy"),
    ("Ada Kim is a chemist. Her duties include the Arden Medal ceremony.", "award_received", "Arden Medal"),
    ("If Ivo Quist works at Arden Robotics, he will move to Boston.", "employed_by", "Arden Robotics"),
    ("Lena Okafor works with Brenner Systems on open data.", "employed_by", "Brenner Systems"),
    ("Mira Castell is currently with her family in Lisbon.", "employed_by", "Lisbon"),
    ("# Tomas Ekberg\n\nMy office sits at the intersection of Main Street and Elm Street.", "research_interest", "Main Street"),
]


@pytest.mark.parametrize("text,relation,obj", NEGATIVE)
def test_prose_no_fact(extract, text, relation, obj):
    facts = extract(text)
    assert not any(f.relation == relation and obj in (f.object.canonical or "") for f in facts)


def test_serving_something_that_is_no_title_adds_no_role(extract):
    facts = extract("Mara Lind joined Quillon Labs in 2015, serving coffee until noon.")
    assert [(f.object.canonical, f.qualifiers.title, f.qualifiers.end) for f in facts if f.relation == "employed_by"] == [("Quillon Labs", None, None)]


def test_a_person_after_the_founders_list_is_no_founder(extract):
    facts = extract("Mara Lind co-founded Brightwave with Tomas Brandt and met Aiko Moreno in 2019.")
    founders = {f.subject.canonical: f.qualifiers.start for f in facts if f.relation == "employed_by" and f.object.canonical == "Brightwave"}
    assert founders == {"Mara Lind": None, "Tomas Brandt": None}


def test_an_initial_inside_a_givers_name_does_not_cut_it(extract):
    facts = extract("Ada Kim is a chemist. She received a Keller Award in Robotics from the Paul G. Hale Foundation.")
    awards = [f for f in facts if f.relation == "award_received"]
    assert [f.object.canonical for f in awards] == ["Keller Award in Robotics"] and awards[0].qualifiers.org != "Paul G"
    assert awards[0].qualifiers.org == "Paul G. Hale Foundation"


def test_pronoun_follows_last_subject_not_object(extract):
    """'her +3 leader' still means the profiled person, not the +2 leader named just before."""
    facts = extract("Maria Okafor leads the Vision team. Her +2 leader is Peter Vance, and her +3 leader is Anna Berg.")
    assert _has(facts, "reports_to", "Maria Okafor", "Anna Berg", level="+3")
    assert not any(f.relation == "reports_to" and f.subject.canonical == "Peter Vance" for f in facts)


def test_two_people_sharing_a_surname_stay_apart(extract):
    facts = extract("Wei Zhang received the Ph.D. degree from Nankai University in 2004. "
                    "Lin Zhang received the B.S. degree from Fudan University in 2010. Dr. Zhang joined Orbit Labs in 2012.")
    assert _has(facts, "educated_at", "Wei Zhang", "Nankai University")
    assert _has(facts, "educated_at", "Lin Zhang", "Fudan University")
    assert _has(facts, "employed_by", "Lin Zhang", "Orbit Labs", start="2012")


def test_relative_date_from_join_anchor(extract):
    facts = extract("In May 2020, Maria Okafor joined Orbit Labs as an engineer. "
                    "Three months after joining, Maria Okafor published a paper titled \"Sparse Routing for Robots\" on arXiv as the first author.")
    assert _has(facts, "author_of", "Maria Okafor", "Sparse Routing for Robots", venue="arXiv", role="first author", date="2020-08")


_HOME = "# Mira Olsen\n\n{}\n"


@pytest.mark.parametrize(
    "sentence, relation, obj, quals",
    [
        # a year in parentheses right after the object dates it
        ("I received the Kestrel Young Investigator Award (2022).", "award_received", "Kestrel Young Investigator Award", {"date": "2022"}),
        ("I received the Kestrel Medal (in 2017).", "award_received", "Kestrel Medal", {"date": "2017"}),
        ("I received my Ph.D. from Kestrel University (2019).", "educated_at", "Kestrel University", {"degree": "Ph.D.", "end": "2019"}),
        # a unit where a field would stand is the school's unit, not a field
        ("I am a third-year PhD student in the Robotics Institute at Kestrel University.", "educated_at", "Kestrel University", {"degree": "PhD"}),
        ("I am a PhD student in the Graph Systems Lab at Northfield University.", "part_of", "Northfield University", {}),
        # negative twin: a field stays a field
        ("I am a PhD student in computer science at Kestrel University.", "educated_at", "Kestrel University", {"degree": "PhD", "field": "computer science"}),
    ],
)
def test_dates_in_parentheses_and_units_in_fields(extract, sentence, relation, obj, quals):
    got = [f.qualifiers.model_dump(exclude_none=True) for f in extract(_HOME.format(sentence), "markdown") if f.relation == relation and f.object.canonical == obj]
    assert quals in got, got
