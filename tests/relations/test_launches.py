"""developed in news and press releases: each construction with three sentences of its own and negative twins."""

from __future__ import annotations

import pytest

STORY = "Northwind Inc. reported record growth on Monday. Analysts said Northwind Inc. had a strong year. "
PAGE = "# Ada Reyes\n\nI am a researcher at Quillon.\n\n{}\n"
TALKS = (
    "# Keynotes\n\n## Ada Reyes: Tables at Scale\n\n### Abstract\n\nIn this talk I will describe TableNet, a new representation for tables.\n\n"
    "### Bio\n\nAda Reyes is a researcher at Quillon.\n\n## Tom Berg: Graphs in Practice\n\n### Abstract\n\nIn this talk I will present GraphNet, a new method for graphs.\n\n"
    "### Bio\n\nTom Berg is a professor at Brightleaf University.\n"
)

POSITIVE = [
    # the releaser past a date, a pronoun or "the <adjective> company"
    ("Quillon on Tuesday released Orca-3, a new language model.", "Quillon", "Orca-3", "prose.developed_release", {}),
    ("Kestrel Systems last week unveiled Falcon-2.", "Kestrel Systems", "Falcon-2", "prose.developed_release", {}),
    ("Quillon said Tuesday it had launched Orca-3.", "Quillon", "Orca-3", "prose.developed_release", {}),
    ("Brightleaf said that it has open-sourced GraphVault.", "Brightleaf", "GraphVault", "prose.developed_release", {}),
    (STORY + "It released Ledger-2 on Monday.", "Northwind Inc.", "Ledger-2", "prose.developed_release", {}),
    (STORY + "The San Francisco-based company unveiled Ledger-2.", "Northwind Inc.", "Ledger-2", "prose.developed_release", {}),
    ("Tom Berg joined Kestrel Systems in 2015. Under his leadership, the company launched Falcon-2.", "Kestrel Systems", "Falcon-2", "prose.developed_release", {}),
    # the verb's own subject past a clause set off by commas; an organisation's staff
    ("Quillon, the startup backed by Northwind, on Tuesday released Orca-3.", "Quillon", "Orca-3", "prose.developed_release", {}),
    ("Kestrel Systems, which is backed by Brightleaf, released Falcon-2.", "Kestrel Systems", "Falcon-2", "prose.developed_release", {}),
    ("Orbit AI, a unit of Northwind, launched Nimbus-7B.", "Orbit AI", "Nimbus-7B", "prose.developed_release", {}),
    ("Quillon researchers released Orca-3.", "Quillon", "Orca-3", "prose.developed_release", {}),
    ("Kestrel Systems engineers have open-sourced Falcon-2.", "Kestrel Systems", "Falcon-2", "prose.developed_release", {}),
    ("Brightleaf scientists unveiled GraphVault in 2022.", "Brightleaf", "GraphVault", "prose.developed_release", {"date": "2022"}),
    ("The model, Orca-3, was released by Quillon on Tuesday.", "Quillon", "Orca-3", "prose.developed_by", {}),
    ("Quillon released its long-awaited Orca-3 model on Tuesday.", "Quillon", "Orca-3", "prose.developed_release", {}),
    ("Quillon rolls out Orca-3 to all users", "Quillon", "Orca-3", "prose.developed_release", {}),
    # what a description names: "two new models: A and B", "the models A and B", "a preview of M", "the popular M app"
    ("Quillon released two new models: Orca-3 and Orca-4.", "Quillon", "Orca-4", "prose.developed_release", {}),
    ("Quillon released the models Orca-3 and Orca-4.", "Quillon", "Orca-3", "prose.developed_release", {}),
    ("Kestrel Systems released two models, Falcon-2 and Falcon-3.", "Kestrel Systems", "Falcon-3", "prose.developed_release", {}),
    ("Quillon released a preview of Orca-3 on Monday.", "Quillon", "Orca-3", "prose.developed_release", {}),
    ("Tom Berg founded Quillon, creator of the popular Orca app.", "Quillon", "Orca", "prose.developed_behind", {}),
    # a release as a noun
    ("Quillon's launch of Orca-3 surprised rivals.", "Quillon", "Orca-3", "prose.developed_nominal", {}),
    ("Quillon's release of Orca-3 in March 2024 surprised rivals.", "Quillon", "Orca-3", "prose.developed_nominal", {"date": "2024-03"}),
    ("The release of Falcon 2.0 by Kestrel Systems in 2021 changed the market.", "Kestrel Systems", "Falcon 2.0", "prose.developed_nominal", {"date": "2021"}),
    ("With the launch of Orca-3, Quillon became a leader.", "Quillon", "Orca-3", "prose.developed_nominal", {}),
    # a description of the product with its maker
    ("Orca-3 is a large language model developed by Quillon.", "Quillon", "Orca-3", "prose.developed_copula", {}),
    ("Nimbus-7B is an open-source model built by Orbit AI.", "Orbit AI", "Nimbus-7B", "prose.developed_copula", {}),
    ("Orca-3 is the latest model from Quillon.", "Quillon", "Orca-3", "prose.developed_copula", {}),
    ("Orca-3 is Quillon's newest chatbot.", "Quillon", "Orca-3", "prose.developed_copula", {}),
    # making available
    ("Quillon made Orca-3 available to all users.", "Quillon", "Orca-3", "prose.developed_available", {}),
    ("Brightleaf has made GraphVault open source.", "Brightleaf", "GraphVault", "prose.developed_available", {}),
    ("Kestrel Systems made Falcon-7B generally available in May 2024.", "Kestrel Systems", "Falcon-7B", "prose.developed_available", {"date": "2024-05"}),
    # kinds of things made, then their names
    ("Mira Olsen has developed several widely used software packages, including TableSync and GraphVault.", "Mira Olsen", "GraphVault", "prose.developed_such_as", {}),
    ("Tom Berg developed open-source tools such as GraphVault and TinyServe.", "Tom Berg", "TinyServe", "prose.developed_such_as", {}),
    ("Quillon built systems including Orca-3 and TinyServe.", "Quillon", "TinyServe", "prose.developed_such_as", {}),
    # announcing a product described as one; rolling out
    ("Quillon announced Orca-3, its most capable model yet.", "Quillon", "Orca-3", "prose.developed_announced", {}),
    ("Kestrel Systems announced Falcon-2, a video generator, in February 2024.", "Kestrel Systems", "Falcon-2", "prose.developed_announced", {"date": "2024-02"}),
    ("Quillon is rolling out Orca-3 to developers.", "Quillon", "Orca-3", "prose.developed_announced", {}),
    ("Quillon began rolling out Orca-3 on Monday.", "Quillon", "Orca-3", "prose.developed_announced", {}),
    # an organisation's relative clause
    ("Orca-3, which Quillon released in March 2024, is fast.", "Quillon", "Orca-3", "prose.developed_org_which", {"date": "2024-03"}),
    ("The Falcon app that Kestrel Systems built is popular.", "Kestrel Systems", "Falcon", "prose.developed_org_which", {}),
    ("TinyServe, which Brightleaf open-sourced in 2021, is used widely.", "Brightleaf", "TinyServe", "prose.developed_org_which", {"date": "2021"}),
    # contributions credited by name
    ("Tom Berg is a researcher. His contributions include GraphVault and TinyServe.", "Tom Berg", "TinyServe", "prose.developed_contributions", {}),
    ("Ada Reyes is a researcher. Her contributions include the Graph Vault Engine (GVE), a framework for storage, and Tessera, a method for sorting.", "Ada Reyes", "Tessera", "prose.developed_contributions", {}),
    ("Tom Berg's key contributions include FastGraph.", "Tom Berg", "FastGraph", "prose.developed_contributions", {}),
    # leading, overseeing or helping a launch
    ("Tom Berg led the launch of Orca-3 at Quillon.", "Tom Berg", "Orca-3", "prose.developed_led", {}),
    ("Ada Reyes oversaw the release of GraphVault 2.0.", "Ada Reyes", "GraphVault 2.0", "prose.developed_led", {}),
    ("Tom Berg helped launch Orca-3.", "Tom Berg", "Orca-3", "prose.developed_made", {}),
    ("Ada Reyes was instrumental in the development of Orca-3.", "Ada Reyes", "Orca-3", "prose.developed_led", {}),
    ("Tom Berg played a key role in the launch of GraphVault 2.0.", "Tom Berg", "GraphVault 2.0", "prose.developed_led", {}),
    ("Mira Olsen played a pivotal role in the design of TinyServe.", "Mira Olsen", "TinyServe", "prose.developed_led", {}),
    # a company's products
    ("Quillon, whose products include Orca and TinyServe, raised money.", "Quillon", "TinyServe", "prose.developed_product_of", {}),
    ("Quillon's portfolio includes Orca-3 and TinyServe.", "Quillon", "Orca-3", "prose.developed_product_of", {}),
    ("Kestrel Systems, whose products include Falcon-2, raised money.", "Kestrel Systems", "Falcon-2", "prose.developed_product_of", {}),
    # roles joined by "and"; leading the team behind M; authoring a named piece of software
    ("Tom Berg is the creator and maintainer of GraphVault.", "Tom Berg", "GraphVault", "prose.developed_maintainer", {}),
    ("Ada Reyes is the creator and lead developer of TinyServe.", "Ada Reyes", "TinyServe", "prose.developed_maintainer", {}),
    ("Mira Olsen is a co-creator and core maintainer of FastGraph.", "Mira Olsen", "FastGraph", "prose.developed_maintainer", {}),
    ("Tom Berg is a researcher. He led the team behind GraphVault.", "Tom Berg", "GraphVault", "prose.developed_led", {}),
    ("Ada Reyes headed the team behind Orca-3 at Quillon.", "Ada Reyes", "Orca-3", "prose.developed_led", {}),
    ("Mira Olsen managed the engineering team behind TinyServe.", "Mira Olsen", "TinyServe", "prose.developed_led", {}),
    ("Tom Berg is the author of the popular GraphVault library.", "Tom Berg", "GraphVault", "prose.developed_software_author", {}),
    ("Ada Reyes is also the author of the Tessera Python package.", "Ada Reyes", "Tessera", "prose.developed_software_author", {}),
    ("Mira Olsen is one of the authors of the FastGraph framework.", "Mira Olsen", "FastGraph", "prose.developed_software_author", {}),
    ("Tom Berg is a researcher. His open-source projects include GraphVault and TinyServe.", "Tom Berg", "TinyServe", "prose.developed_contributions", {}),
    ("Tom Berg is a researcher. He is known for creating the Zeta programming language.", "Tom Berg", "Zeta", "prose.developed_gerund", {}),
    # a CV line with the page person's role in a project
    (PAGE.format("- One of the developers of [TableSync](https://example.org/tablesync)"), "Ada Reyes", "TableSync", "prose.developed_role_line", {}),
    (PAGE.format("- Core contributor to GraphVault and TinyServe."), "Ada Reyes", "TinyServe", "prose.developed_role_line", {}),
    (PAGE.format("- Lead maintainer of FastGraph"), "Ada Reyes", "FastGraph", "prose.developed_role_line", {}),
    # a CV line that opens with a verb of making
    (PAGE.format("* Developed *MURI* (Multilingual Reverse Instructions), creating datasets for many languages."), "Ada Reyes", "MURI", "prose.developed_verb_line", {}),
    (PAGE.format("* Co-developed *CRAFT*, a method for generating datasets."), "Ada Reyes", "CRAFT", "prose.developed_verb_line", {}),
    (PAGE.format("- Led the development of the open-source solver GraphVault."), "Ada Reyes", "GraphVault", "prose.developed_verb_line", {}),
    # a name after its description, with no comma ("the open-source solver SCIP")
    ("Tom Berg coordinates the development of the open-source constraint programming solver GraphVault.", "Tom Berg", "GraphVault", "prose.developed_led", {}),
    ("Quillon released the open-source library TinyServe in 2021.", "Quillon", "TinyServe", "prose.developed_release", {"date": "2021"}),
    ("Kestrel Systems launched its coding assistant FalconAI on Monday.", "Kestrel Systems", "FalconAI", "prose.developed_release", {}),
    # a repository's lowercase name, set off as code or described as a made thing
    ("Quillon released orca-tools, an open-source library for chat.", "Quillon", "orca-tools", "prose.developed_release", {}),
    ("Quillon released `orca-tools` in 2023.", "Quillon", "orca-tools", "prose.developed_release", {"date": "2023"}),
    ("Tom Berg created graph_vault, a graph database.", "Tom Berg", "graph_vault", "prose.developed_made", {}),
    ("Ada Reyes is the creator of tiny-serve, a Python library.", "Ada Reyes", "tiny-serve", "prose.developed_maintainer", {}),
    # the "I" of a talk's abstract is the speaker its heading names
    (TALKS, "Ada Reyes", "TableNet", "prose.developed_proposed", {}),
    (TALKS, "Tom Berg", "GraphNet", "prose.developed_proposed", {}),
]

NEGATIVE = [
    "Quillon released open-source tools, a big step.",
    "Quillon released state-of-the-art models.",
    "Tom Berg created end-to-end pipelines for the lab.",
    "Ada Reyes was instrumental in the development of the city's downtown.",
    "Tom Berg played a key role in the launch of a new marketing campaign.",
    PAGE.format("- Developed generative auto-bidding algorithms (AIGB project)."),
    PAGE.format("- Created a counterfactual dataset."),
    PAGE.format("- Developed Python scripts for the lab."),
    PAGE.format("- Never built GraphVault."),
    "Quillon released the open-source library in 2021.",
    "Tom Berg is the author of the popular Deep Learning book.",
    "Tom Berg is not the author of the GraphVault library.",
    "Tom Berg led the team behind the scenes.",
    "Tom Berg is the creator and host of a podcast.",
    "Tom Berg is a researcher. His projects include work for the Red Cross.",
    "Quillon, the startup backed by Northwind, never released Orca-3.",
    "Quillon researchers praised Orca-3.",
    "Quillon said Tuesday it had not launched Orca-3.",
    "Quillon said it plans to release Orca-3.",
    STORY + "It did not release Ledger-2.",
    "Quillon released two new models: a small one and a large one.",
    "Quillon's planned launch of Orca-5 was delayed.",
    "Quillon's delayed launch of Orca-5 worried investors.",
    "The release of Orca-3 was delayed.",
    "Quillon's release of its earnings surprised rivals.",
    "Orca-3 is not a model developed by Quillon.",
    "Orca-3 is a chatbot from Quillon.",
    "Orca-3 is the planned model from Quillon.",
    "Slack is Quillon's main tool.",
    "Quillon made Ada Reyes available for interviews.",
    "Quillon made Orca-3 faster.",
    "Quillon never made Orca-3 available.",
    "Tom Berg used tools such as GraphVault and TinyServe.",
    "Tom Berg did not develop tools such as GraphVault.",
    "Tom Berg developed tools such as hammers and saws.",
    "Quillon announced Ada Reyes as its new CEO.",
    "Quillon announced Monday that profits rose.",
    "Quillon announced Orca-3 would be delayed.",
    "Quillon is not rolling out Orca-3.",
    "Orca-3, which Ada Reyes praised, is fast.",
    "Orca-3, which Quillon never released, is fast.",
    "Tom Berg is a researcher. His contributions include the theory of sorting.",
    "Tom Berg led the launch of a new marketing campaign.",
    "Tom Berg did not oversee the launch of Orca-3.",
    "Quillon, whose products include chatbots, raised money.",
    PAGE.format("- One of the developers of the city plan."),
    PAGE.format("- Never a contributor to GraphVault."),
]


@pytest.mark.parametrize("text, subject, product, rule, quals", POSITIVE)
def test_developed(extract, text, subject, product, rule, quals) -> None:
    facts = extract(text, "markdown" if text.startswith("#") else "text")
    got = [(f.subject.canonical, f.object.canonical, f.rule, f.qualifiers.model_dump(exclude_none=True)) for f in facts if f.relation == "developed"]
    assert (subject, product, rule, quals) in got, got


@pytest.mark.parametrize("text", NEGATIVE)
def test_no_developed(extract, text) -> None:
    facts = extract(text, "markdown" if text.startswith("#") else "text")
    assert [f.object.canonical for f in facts if f.relation == "developed"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Tom Berg is a researcher. He is the creator of the GraphVault library and the TinyServe framework.",
        "Tom Berg is a researcher. He built Quillon's Orca recommendation engine.",
        "Quillon on Tuesday released Orca-3.",
    ],
)
def test_a_pronoun_or_a_date_is_no_maker(extract, text) -> None:
    """A maker is a name: never an unresolved pronoun ("He"), a day ("Tuesday") or a possessive object ("Quillon's Orca")."""
    facts = [f for f in extract(text) if f.relation == "developed"]
    assert facts
    assert all(f.subject.canonical not in ("He", "She", "It", "Tuesday") and "'s" not in f.object.canonical for f in facts), facts
