"""Every registered rule, on a document written for it: the fact it emits names the rule that made it.

A new rule fails `test_every_rule_has_an_example` until it has a row here.
"""

from __future__ import annotations

import pytest

from pipeline.relations.registry import rules

HOMEPAGE = """# Mira Olsen

{line}
"""

# registered rule -> (document, format, relation, the `rule` field of the fact it gives)
EXAMPLES = {
    "contact": (HOMEPAGE.format(line="Email: mira.olsen@northwind.edu"), "markdown", "contact", "contact.email"),
    "education.items": (HOMEPAGE.format(line="## Education\n\n- 2015 - 2020, Ph.D. in Physics, Eastfield University"), "markdown", "educated_at", "education.item"),
    "employment.items": (HOMEPAGE.format(line="## Experience\n\n- 2020 - now, Research Scientist, Northwind Labs"), "markdown", "employed_by", "employment.item"),
    "publications.list": (HOMEPAGE.format(line="## Publications\n\n**Causal Graphs for Robust Tabular Learning**\n\nMira Olsen, Jon Park\n\nNeurIPS 2023"), "markdown", "author_of", "publications.bold_title"),
    "publications.news": (HOMEPAGE.format(line="## News\n\n- 2024.03: Our paper \"Sparse Routing for Small Robots\" is accepted to ICRA 2024."), "markdown", "author_of", "publications.news_our_paper"),
    "awards.section": (HOMEPAGE.format(line="## Honors and Awards\n\n- 2021 Best Paper Award, Springfield Data Conference"), "markdown", "award_received", "awards.item"),
    "interests.sentence": (HOMEPAGE.format(line="My research interests include causal inference and robust optimization."), "markdown", "research_interest", "interests.sentence"),
    "interests.range": ("Mira Olsen and Jon Park work on projects ranging from causal inference to robust optimization.", "text", "research_interest", "interests.range"),
    "interests.section": (HOMEPAGE.format(line="## Research Interests\n\n- Causal inference\n- Robust optimization"), "markdown", "research_interest", "interests.list_item"),
    "products.release_news": (HOMEPAGE.format(line="## News\n\n- 2024.03: We release Tessera-7B, an open model for tabular data!"), "markdown", "developed", "products.we_release"),
    "birth.born": ("Mira Olsen was born in 1981 in Oslo.", "text", "date_of_birth", "prose.date_of_birth"),
    "education.prose": ("Mira Olsen received the Ph.D. degree in physics from Eastfield University in 2015.", "text", "educated_at", "prose.edu_degree"),
    "employment.joined": ("Mira Olsen joined Northwind Labs in 2019.", "text", "employed_by", "prose.job_joined"),
    "employment.titles": ("Mira Olsen is a research scientist at Northwind Labs.", "text", "employed_by", "prose.job_title"),
    "employment.founded": ("Mira Olsen co-founded Kestrel Robotics in 2016.", "text", "employed_by", "prose.job_founded"),
    "employment.career": ("Mira Olsen held a tenured faculty position at Eastfield University.", "text", "employed_by", "prose.job_position"),
    "products.prose": ("Northwind Labs released Tessera-7B in March 2024.", "text", "developed", "prose.developed_release"),
    "part_of.units": ("Mira Olsen works at Northwind's Vision Lab.", "text", "part_of", "prose.part_of_possessive"),
    "leads.verbs": ("Mira Olsen leads the Robust Learning team at Northwind Labs.", "text", "leads", "prose.leads_verb"),
    "reports_to.prose": ("Mira Olsen is a manager at Northwind Labs. She reports to Tom Berg.", "text", "reports_to", "prose.reports_to"),
    "authorship.prose": ("Mira Olsen published a paper titled \"Sparse Routing for Small Robots\" in 2021.", "text", "author_of", "prose.author_titled"),
    "published_in.prose": ("The paper \"Sparse Routing for Small Robots\" was published in Science Robotics in 2021.", "text", "published_in", "prose.published_in"),
    "awards.in_other_items": (HOMEPAGE.format(line="## Education\n\n- 2019.09 - now, Ph.D., Eastfield University\n- Widget Scholarship of Freedonia (Top 1%)."), "markdown", "award_received", "awards.in_other_items"),
    "employment.departures": ("Northwind Inc. grew fast. Analysts like Northwind Inc. Mira Olsen resigned as CFO.", "text", "employed_by", "prose.job_departed"),
    "employment.members": ("The members of the Riverbend Lab, Mira Olsen and Tom Berg, won a prize.", "text", "employed_by", "prose.job_member"),
    "employment.team_lead": ("Mira Olsen managed a team of 40 engineers at Northwind Labs.", "text", "employed_by", "prose.job_team_lead"),
    "employment.appositions": ("Peter Vance, a former Orbit Systems researcher, founded a startup.", "text", "employed_by", "prose.job_appositive_article"),
    "employment.named": ("The panel featured Orbit Systems CEO Peter Vance and two investors.", "text", "employed_by", "prose.job_prenominal"),
    "employment.possessive_person": ("Quillon's Ada Reyes told reporters that the deal closed.", "text", "employed_by", "prose.job_possessive"),
    "products.maintainer": ("Maria Okafor is a core maintainer of PyTorch Lightning and Hydra.", "text", "developed", "prose.developed_maintainer"),
    "products.appositive": ("Tom Berg created a compiler for tiny robots, RoboCC.", "text", "developed", "prose.developed_appositive"),
    "products.behind": ("Quillon, the company behind the Orca-2 chatbot, raised $20 million.", "text", "developed", "prose.developed_behind"),
    "products.gerund": ("Ada Reyes was responsible for releasing the Orca 2 and Orca 3 models.", "text", "developed", "prose.developed_gerund"),
    "products.made_by": ("Tessera-7B, developed by Northwind Labs, reads tables.", "text", "developed", "prose.developed_by"),
    "products.jointly": ("Mira Olsen jointly developed Tessera with Northwind Labs in 2019.", "text", "developed", "prose.developed_jointly"),
    "products.described": ("Northwind's new model, Tessera-7B, reads tables.", "text", "developed", "prose.developed_described"),
    "products.possessive": ("Analysts praised Northwind's Tessera-7B for its speed.", "text", "developed", "prose.developed_possessive"),
    "products.made_which": ("Mira Olsen is known for Tessera, which she created in 2015.", "text", "developed", "prose.developed_made_which"),
    "products.contributors": ("# Tessera-7B: a small model\n\n## Core contributors\n\n- Mira Olsen\n- Jon Park\n", "markdown", "developed", "prose.developed_contributors"),
    "products.roles": ("Maria Okafor is a scientist. She is a MeshKit-m developer at Quillon.", "text", "developed", "prose.developed_role"),
    "products.maker_adjective": ("Analysts tested the Northwind-trained Tessera-7B model.", "text", "developed", "prose.developed_maker_adjective"),
    "products.table": ("# Models\n\n| Model | Developer |\n|---|---|\n| Tessera-7B | Northwind Labs |\n", "markdown", "developed", "prose.developed_table"),
    "employment.hires": ("Northwind Labs hired Mira Olsen in 2020.", "text", "employed_by", "prose.job_hired"),
    "products.maker_noun": ("Investors backed Tessera-7B maker Northwind Labs.", "text", "developed", "prose.developed_maker_noun"),
    "products.co_made": ("Mira Olsen co-developed Tessera-7B with Jon Park and Ada Reyes.", "text", "developed", "prose.developed_co_made"),
    "products.led_making": ("Mira Olsen spearheaded the development of Tessera-7B at Northwind Labs.", "text", "developed", "prose.developed_led"),
    "products.proposed": (HOMEPAGE.format(line="I am a researcher at Northwind Labs. We propose a new protocol called TableSync for sharing tables."), "markdown", "developed", "prose.developed_proposed"),
    "products.product_of": ("Northwind Labs's flagship product is Tessera-7B.", "text", "developed", "prose.developed_product_of"),
    "products.nominal": ("Northwind Labs's launch of Tessera-7B surprised rivals.", "text", "developed", "prose.developed_nominal"),
    "products.copula": ("Tessera-7B is a language model developed by Northwind Labs.", "text", "developed", "prose.developed_copula"),
    "products.available": ("Northwind Labs made Tessera-7B available to all users.", "text", "developed", "prose.developed_available"),
    "products.such_as": ("Mira Olsen has built tools such as TableSync and GraphVault.", "text", "developed", "prose.developed_such_as"),
    "products.announced": ("Northwind Labs announced Tessera-7B, a model for reading tables.", "text", "developed", "prose.developed_announced"),
    "products.org_which": ("Tessera-7B, which Quillon released in May, reads tables.", "text", "developed", "prose.developed_org_which"),
    "products.contributions": ("Mira Olsen is a researcher. Her contributions include TableSync and GraphVault.", "text", "developed", "prose.developed_contributions"),
    "products.software_author": ("Mira Olsen is the author of the popular TableSync library.", "text", "developed", "prose.developed_software_author"),
    "products.verb_line": (HOMEPAGE.format(line="I am a researcher at Northwind Labs.\n\n- Co-developed TableSync, a tool for merging tables."), "markdown", "developed", "prose.developed_verb_line"),
    "products.role_line": (HOMEPAGE.format(line="I am a researcher at Northwind Labs.\n\n- One of the developers of TableSync"), "markdown", "developed", "prose.developed_role_line"),
    "part_of.holdings": ("Northwind Inc. will consist of the following entities: Calico, Fiber, Quillon and Nest.", "text", "part_of", "prose.part_of_holding"),
    "part_of.unit_host": ("Ada Reyes is a researcher at the Retail Analytics Research Unit at KTH Lund, Sweden.", "text", "part_of", "prose.part_of_unit_host"),
    "part_of.same_sentence": ("Maria Okafor is Reader in the Department of Marine Biology, and Vice Dean for Teaching in the School of Earth Sciences at the University of Northfield.", "text", "part_of", "prose.part_of_unit_at"),
    "leads.programmes": ("Maria Okafor is co-PI for Orbit's efforts in DARPA's KMASS and INCAS programs.", "text", "leads", "prose.leads_pi"),
    "leads.role_marks": ("Ada Reyes has led projects such as DARPA Harbor (PI) and DARPA Kite (co-PI).", "text", "leads", "prose.leads_pi"),
    "reports_to.roles": ("Maria Okafor, Peter Vance's deputy, spoke first.", "text", "reports_to", "prose.reports_to_deputy"),
    "authorship.works": ("Maria Okafor, together with Peter Vance, published the paper The Lantern Index: Ranking Pages by Light in 1998.", "text", "author_of", "prose.author_work"),
    "employment.contact_block": ("Quillon Labs opens a lab.\n\nMedia contact:\n\nAda Reyes\nQuillon Labs\nada@quillon.com\n", "text", "employed_by", "contact.block_employer"),
    "employment.card": ("# Keynotes\n\n## Ada Reyes - Northfield University\n\nAda has spent a decade building search systems for learners and employers alike.\n\n## Tom Berg - Quillon Labs\n\nTom has published over fifty articles on ranking and retrieval in the last decade.\n", "markdown", "employed_by", "employment.card"),
    "awards.paper_mark": (HOMEPAGE.format(line="## Publications\n\n- M. Olsen and J. Park. Sparse Routing for Small Robots. International Conference on Robotics (ICRA), 2016. (Best Paper Award)"), "markdown", "award_received", "awards.paper_mark"),
    "awards.prose": ("Mira Olsen received the Springfield Young Scientist Award in 2019.", "text", "award_received", "prose.award_received"),
    "zh.employment": ("# 张伟\n\n他现任东湖大学副教授。", "markdown", "employed_by", "zh.job_verb"),
    "zh.education": ("# 张伟\n\n他2005年毕业于东湖大学，获博士学位。", "markdown", "educated_at", "zh.edu_cue"),
    "zh.awards": ("# 张伟\n\n2019年，他荣获东湖青年科学家奖。", "markdown", "award_received", "zh.award_verb"),
    "zh.birth": ("# 张伟\n\n张伟，男，1980年出生。", "markdown", "date_of_birth", "zh.birth_cue"),
    "zh.interests": ("# 张伟\n\n- 研究方向：机器学习、计算机视觉", "markdown", "research_interest", "zh.interest_list"),
    "zh.education_items": ("# 张伟\n\n## 教育经历\n\n- 2015年9月至2019年6月 东湖大学 博士", "markdown", "educated_at", "zh.edu_item"),
    "zh.employment_items": ("# 张伟\n\n## 工作经历\n\n- 2019年至今 北辰科技公司 首席科学家", "markdown", "employed_by", "zh.job_item"),
    "zh.award_items": ("# 张伟\n\n## 荣誉\n\n- 银河物理学奖（2021年）", "markdown", "award_received", "zh.award_item"),
    "zh.interest_items": ("# 张伟\n\n## 研究方向\n\n- 机器学习、计算机视觉", "markdown", "research_interest", "zh.interest_item"),
    "zh.leads": ("# 张伟\n\n他现任星河实验室主任。", "markdown", "leads", "zh.leads_title"),
    "employment.serving_as": ("Mara Lind joined Quillon Labs in 2015, serving as a research scientist until 2017.", "text", "employed_by", "prose.job_serving_as"),
    "zh.developed": ("# 张伟\n\n他研发出了可折叠电池芯片。", "markdown", "developed", "zh.developed"),
}


def test_every_rule_has_an_example() -> None:
    assert sorted(r.name for r in rules()) == sorted(EXAMPLES)


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_rule_emits_its_fact_with_its_rule_name(extract, name: str) -> None:
    text, fmt, relation, rule_field = EXAMPLES[name]
    registered = next(r for r in rules() if r.name == name)
    assert registered.relation == relation
    got = [(f.relation, f.rule) for f in extract(text, fmt)]
    assert (relation, rule_field) in got, got
