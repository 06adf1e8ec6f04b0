"""developed: each construction with three sentences of its own and negative twins that must yield nothing."""

from __future__ import annotations

import pytest

STORY = "Northwind Inc. reported record growth on Monday. Analysts said Northwind Inc. had a strong year. "

POSITIVE = [
    # "X's M and N": the second name joined to the first is the owner's too
    ("Quillon's Orca-3 and Nimbus-7B models are popular.", "Quillon", "Nimbus-7B", "prose.developed_possessive", {}),
    ("Analysts praised Kestrel's Falcon-7B and Falcon-40B for their speed.", "Kestrel", "Falcon-40B", "prose.developed_possessive", {}),
    ("Users compared Brightline's GraphVault-2 and TinyServe-3 with rivals.", "Brightline", "TinyServe-3", "prose.developed_possessive", {}),
    # "X, whose models include A and B", "X's apps include A"; "The company behind M, X, ..."
    ("Quillon, whose models include Orca-3 and Nimbus-7B, raised money.", "Quillon", "Nimbus-7B", "prose.developed_product_of", {}),
    ("Brightline's apps include GraphVault and TinyServe.", "Brightline", "TinyServe", "prose.developed_product_of", {}),
    ("Quillon's chatbots include Orca-3 and Nimbus-7B.", "Quillon", "Orca-3", "prose.developed_product_of", {}),
    ("The company behind Orca-3, Quillon, raised money.", "Quillon", "Orca-3", "prose.developed_behind", {}),
    ("The startup behind the GraphVault database, Brightline, was sold.", "Brightline", "GraphVault", "prose.developed_behind", {}),
    ("The small lab behind Nimbus-7B, Northwind Labs, hired Ana Ruiz.", "Northwind Labs", "Nimbus-7B", "prose.developed_behind", {}),
    # "the X-developed M": the maker compounded with a verb of making
    ("The Quillon-developed Orca-3 chatbot beat its rivals.", "Quillon", "Orca-3", "prose.developed_maker_adjective", {}),
    ("Users like the new BrightLeaf-designed GraphVault app.", "BrightLeaf", "GraphVault", "prose.developed_maker_adjective", {}),
    ("Analysts tested the Northwind-trained Tessera-7B model.", "Northwind", "Tessera-7B", "prose.developed_maker_adjective", {}),
    # "P, who helped create M", an adjective before the product, "directed the team that trained M"
    ("Ana Ruiz, who helped create Orca-3, left Quillon.", "Ana Ruiz", "Orca-3", "prose.developed_made", {}),
    ("Li Wei, who helped develop GraphVault, joined Brightline.", "Li Wei", "GraphVault", "prose.developed_made", {}),
    ("Jon Park built the widely used TinyServe library.", "Jon Park", "TinyServe", "prose.developed_made", {}),
    ("Li Wei developed the open-source Nimbus toolkit in 2019.", "Li Wei", "Nimbus", "prose.developed_made", {"date": "2019"}),
    ("Li Wei directed the small team that trained Nimbus-7B.", "Li Wei", "Nimbus-7B", "prose.developed_led", {}),
    # "M (developed by X)", "M, a DESCRIPTION created / trained / maintained by X": the maker in a parenthesis or an apposition
    ("Orca-3 (developed by Quillon) was praised by users.", "Quillon", "Orca-3", "prose.developed_by", {}),
    ("GraphVault, an open-source library created by Ana Ruiz, is popular.", "Ana Ruiz", "GraphVault", "prose.developed_by", {}),
    ("Tessera-7B, a small language model that was trained by Northwind Labs, beat rivals.", "Northwind Labs", "Tessera-7B", "prose.developed_by", {}),
    ("GraphVault, a graph database which is maintained by Quillon, is popular.", "Quillon", "GraphVault", "prose.developed_by", {}),
    # "X released / launched / unveiled / open-sourced / introduced / debuted / shipped M (on DATE)"
    ("Quillon launched its new assistant, Orca, on 12 May 2023.", "Quillon", "Orca", "prose.developed_release", {"date": "2023-05-12"}),
    ("Brightleaf open-sourced GraphVault in 2022.", "Brightleaf", "GraphVault", "prose.developed_release", {"date": "2022"}),
    ("Quillon debuted TinyServe in 2021.", "Quillon", "TinyServe", "prose.developed_release", {"date": "2021"}),
    ("Northwind shipped Ledger 3 to its first customers.", "Northwind", "Ledger 3", "prose.developed_release", {}),
    ("Kestrel Systems unveiled Falcon 2.0 at its annual conference.", "Kestrel Systems", "Falcon 2.0", "prose.developed_release", {}),
    ("Quillon released its Orca-2 model in June 2023.", "Quillon", "Orca-2", "prose.developed_release", {"date": "2023-06"}),
    ("Quillon released \"Orca Mini\" in 2022.", "Quillon", "Orca Mini", "prose.developed_release", {"date": "2022"}),
    ("Quillon released doc2vec in 2014.", "Quillon", "doc2vec", "prose.developed_release", {"date": "2014"}),
    # coordination: every product of the object
    ("Quillon released Orca-2 and Orca-3.", "Quillon", "Orca-3", "prose.developed_release", {}),
    ("Orbit AI introduced Nimbus-7B, Nimbus-13B and Nimbus-70B last week.", "Orbit AI", "Nimbus-70B", "prose.developed_release", {}),
    # "announced the launch of M", "X, which makes / developed M", "The company released M"
    ("The startup Kestrel announced the launch of Falcon, a coding assistant.", "Kestrel", "Falcon", "prose.developed_release", {}),
    ("Quillon, which developed Orca-2, raised money.", "Quillon", "Orca-2", "prose.developed_release", {}),
    ("Quillon, which makes the Orca chatbot, raised money.", "Quillon", "Orca", "prose.developed_release", {}),
    (STORY + "The company released Ledger-2 in 2023.", "Northwind Inc.", "Ledger-2", "prose.developed_release", {"date": "2023"}),
    # passives: "M, developed / built / created by X", "M was released by X in 2021"
    ("Orca-2, developed by Quillon, is a small language model.", "Quillon", "Orca-2", "prose.developed_by", {}),
    ("Nimbus, built by engineers at Orbit AI, answers questions.", "Orbit AI", "Nimbus", "prose.developed_by", {}),
    ("TinyServe, created by Lena Vogt, is used widely.", "Lena Vogt", "TinyServe", "prose.developed_by", {}),
    ("Falcon 2.0 was released by Kestrel Systems in 2021.", "Kestrel Systems", "Falcon 2.0", "prose.developed_by", {"date": "2021"}),
    ("Orca-2, launched in 2023 by Quillon, is popular.", "Quillon", "Orca-2", "prose.developed_by", {"date": "2023"}),
    ("The X-Graph, developed by Quillon, is fast.", "Quillon", "X-Graph", "prose.developed_by", {}),
    ("Nimbus was released in March 2021 by Orbit AI.", "Orbit AI", "Nimbus", "prose.developed_by", {"date": "2021-03"}),
    # appositions: "X's new model, M,", "M, X's newest model,", "X's chatbot M"
    ("Quillon's new model, Orca-3, beats its rivals.", "Quillon", "Orca-3", "prose.developed_described", {}),
    ("Northwind's latest chatbot, Ledger, answers questions.", "Northwind", "Ledger", "prose.developed_described", {}),
    ("Users love ChatBox, Quillon's popular chatbot.", "Quillon", "ChatBox", "prose.developed_described", {}),
    ("Quillon's chatbot Orca answers questions.", "Quillon", "Orca", "prose.developed_described", {}),
    (STORY + "It said its new model, Ledger-2, beats rivals.", "Northwind Inc.", "Ledger-2", "prose.developed_described", {}),
    # "the M model from X"
    ("Researchers tested the Nimbus-13B model from Orbit AI.", "Orbit AI", "Nimbus-13B", "prose.developed_described", {}),
    ("The Falcon chatbot from Kestrel Systems is popular.", "Kestrel Systems", "Falcon", "prose.developed_described", {}),
    ("Ada Reyes worked on Microsoft's Windows 10 operating system.", "Microsoft", "Windows 10", "prose.developed_described", {}),
    # "X's M": a product by its label or coined spelling
    ("Users praised Quillon's Orca-2 for its speed.", "Quillon", "Orca-2", "prose.developed_possessive", {}),
    ("Analysts compared Kestrel's Falcon-7B with rivals.", "Kestrel", "Falcon-7B", "prose.developed_possessive", {}),
    ("Quillon's Model 3 sold well.", "Quillon", "Model 3", "prose.developed_possessive", {}),
    # "M maker X", "X, the maker of M"
    ("Orca maker Quillon raised $20 million.", "Quillon", "Orca", "prose.developed_maker_noun", {}),
    ("Analysts said TinyServe creator Kestrel Systems is profitable.", "Kestrel Systems", "TinyServe", "prose.developed_maker_noun", {}),
    ("Analysts praised ChatBox-maker Quillon.", "Quillon", "ChatBox", "prose.developed_maker_noun", {}),
    ("Ada Reyes's Orca model won a prize.", "Ada Reyes", "Orca", "prose.developed_described", {}),
    ("Quillon, the maker of Orca, raised $20 million.", "Quillon", "Orca", "prose.developed_behind", {}),
    ("Quillon, the company behind the Orca-2 chatbot, raised $20 million.", "Quillon", "Orca-2", "prose.developed_behind", {}),
    ("Investors backed Kestrel Systems, the startup behind TinyServe.", "Kestrel Systems", "TinyServe", "prose.developed_behind", {}),
    # "P created / built / co-designed / helped build M", "P started the M project"
    ("Lena Vogt created GraphVault in 2015.", "Lena Vogt", "GraphVault", "prose.developed_made", {"date": "2015"}),
    ("Tom Berg co-designed the Nimbus chip.", "Tom Berg", "Nimbus", "prose.developed_made", {}),
    ("Tom Berg co-created GraphVault and Nimbus.", "Tom Berg", "Nimbus", "prose.developed_made", {}),
    ("Ada Reyes designed and implemented GraphVault.", "Ada Reyes", "GraphVault", "prose.developed_made", {}),
    ("Tom Berg wrote and maintained FastGraph for a decade.", "Tom Berg", "FastGraph", "prose.developed_made", {}),
    ("Ada Reyes helped build GraphVault.", "Ada Reyes", "GraphVault", "prose.developed_made", {}),
    ("Tom Berg wrote the first version of TinyServe.", "Tom Berg", "TinyServe", "prose.developed_made", {}),
    ("Tom Berg started the GraphVault project in 2012.", "Tom Berg", "GraphVault", "prose.developed_made", {"date": "2012"}),
    ("Tom Berg created word2vec in 2013.", "Tom Berg", "word2vec", "prose.developed_made", {"date": "2013"}),
    # "M, which P created", "the M library that P wrote"
    ("Ada Reyes is a researcher. She is known for GraphVault, which she created in 2015.", "Ada Reyes", "GraphVault", "prose.developed_made_which", {"date": "2015"}),
    ("Users love the Orca library that Tom Berg wrote.", "Tom Berg", "Orca", "prose.developed_made_which", {}),
    ("Lena Vogt spoke about TinyServe, which she co-developed at Quillon.", "Lena Vogt", "TinyServe", "prose.developed_made_which", {}),
    # "P is a (core) maintainer / creator / lead developer / inventor of M"
    ("Lena Vogt is a core maintainer of GraphVault.", "Lena Vogt", "GraphVault", "prose.developed_maintainer", {}),
    ("Ada Reyes is the lead developer of Nimbus.", "Ada Reyes", "Nimbus", "prose.developed_maintainer", {}),
    ("Ada Reyes, creator of GraphVault, spoke.", "Ada Reyes", "GraphVault", "prose.developed_maintainer", {}),
    ("Ada Reyes is the inventor of GraphVault.", "Ada Reyes", "GraphVault", "prose.developed_maintainer", {}),
    ("Tom Berg is the original author of TinyServe.", "Tom Berg", "TinyServe", "prose.developed_maintainer", {}),
    ("Ada Reyes is a core maintainer of spaCy.", "Ada Reyes", "spaCy", "prose.developed_maintainer", {}),
    # a name in apposition to the thing made; gerunds of making
    ("At Northwind, Ada Reyes built a lightweight speech recognizer, Whisperlite, used by millions.", "Ada Reyes", "Whisperlite", "prose.developed_appositive", {}),
    ("Ada Reyes is a researcher. In 2021 she developed an open-source graph database, GraphVault.", "Ada Reyes", "GraphVault", "prose.developed_appositive", {"date": "2021"}),
    ("Tom Berg created a compiler for tiny robots, RoboCC.", "Tom Berg", "RoboCC", "prose.developed_appositive", {}),
    ("Ada Reyes was responsible for releasing the Orca 2 and Orca 3 models.", "Ada Reyes", "Orca 3", "prose.developed_gerund", {}),
    ("Lena Vogt spent two years at Quillon shipping TinyServe to customers.", "Lena Vogt", "TinyServe", "prose.developed_gerund", {}),
    ("# Ada Reyes\n\nI am a scientist at Quillon. My team was responsible for post-training and releasing the Orca 4 and Orca 3.2 models.\n", "Ada Reyes", "Orca 3.2", "prose.developed_gerund", {}),
    # "X is the startup behind M", "X, the research lab behind M"
    ("Orbit Labs is the startup behind Nimbus-7B.", "Orbit Labs", "Nimbus-7B", "prose.developed_behind", {}),
    ("Brightleaf, the research lab behind GraphVault, hired ten engineers.", "Brightleaf", "GraphVault", "prose.developed_behind", {}),
    ("Quillon was the organization behind the Orca assistant.", "Quillon", "Orca", "prose.developed_behind", {}),
    # "P co-developed M with Q and R": the people after "with" made it too
    ("Lena Vogt co-developed GraphVault with Tom Berg and Ada Reyes.", "Ada Reyes", "GraphVault", "prose.developed_co_made", {}),
    ("Ada Reyes co-created Nimbus with Tom Berg.", "Tom Berg", "Nimbus", "prose.developed_co_made", {}),
    ("Tom Berg co-invented the Falcon chip with Lena Vogt and Mira Olsen in 2019.", "Mira Olsen", "Falcon", "prose.developed_co_made", {}),
    # "P collaborated / worked with Q and R to create M": all of them made it
    ("In 2012, Lena Vogt collaborated with Tom Berg and Ada Reyes to create GraphVault.", "Ada Reyes", "GraphVault", "prose.developed_co_made", {}),
    ("Mira Olsen worked with Ada Reyes to develop Nimbus-7B at Quillon.", "Mira Olsen", "Nimbus-7B", "prose.developed_co_made", {}),
    ("Tom Berg teamed up with Lena Vogt to build TinyServe.", "Lena Vogt", "TinyServe", "prose.developed_co_made", {}),
    # "P contributed to M", "a contributor to M": M is software by its spelling or a product noun
    ("Tom Berg is a contributor to the Nimbus framework.", "Tom Berg", "Nimbus", "prose.developed_maintainer", {}),
    ("Lena Vogt has contributed to TinyServe and GraphVault.", "Lena Vogt", "GraphVault", "prose.developed_maintainer", {}),
    ("Mira Olsen contributed to the open-source library FastGraph.", "Mira Olsen", "FastGraph", "prose.developed_maintainer", {}),
    # "P spearheaded / oversaw the development / design of M", "initiating and leading the M project"
    ("Tom Berg spearheaded the development of Nimbus-7B.", "Tom Berg", "Nimbus-7B", "prose.developed_led", {}),
    ("Lena Vogt oversaw the design of TinyServe.", "Lena Vogt", "TinyServe", "prose.developed_led", {}),
    ("Tom Berg is credited with initiating and leading the Orca project.", "Tom Berg", "Orca", "prose.developed_led", {}),
    ("Ada Reyes drove the creation of GraphVault at Quillon.", "Ada Reyes", "GraphVault", "prose.developed_maintainer", {}),
    ("Mira Olsen is known for her leadership in developing FastGraph.", "Mira Olsen", "FastGraph", "prose.developed_made", {}),
    # author pages: contributions, work on a coined project, roles that name the product before them
    ("Tom Berg is a scientist. He is a primary contributor to the MeshKit-m and FlowView projects.", "Tom Berg", "FlowView", "prose.developed_maintainer", {}),
    ("Tom Berg is a scientist. He has worked on GRX, FlowView, and Beacon.", "Tom Berg", "FlowView", "prose.developed_maintainer", {}),
    ("Tom Berg is a scientist. His work includes contributions to MeshKit-m.", "Tom Berg", "MeshKit-m", "prose.developed_maintainer", {}),
    ("Ada Reyes is a scientist. She has been working on GraphVault since 2014.", "Ada Reyes", "GraphVault", "prose.developed_maintainer", {}),
    ("Ada Reyes is a scientist. She has made significant contributions to MeshKit-m, FlowView, and PlotIt.", "Ada Reyes", "PlotIt", "prose.developed_maintainer", {}),
    ("Ada Reyes is a scientist. She contributes to the Alder and Birch projects.", "Ada Reyes", "Alder", "prose.developed_maintainer", {}),
    ("Tom Berg is a scientist. His contributions to FlowView include the scripting shell.", "Tom Berg", "FlowView", "prose.developed_maintainer", {}),
    ("Tom Berg is a scientist. He is a committer to the MeshKit-m codebase.", "Tom Berg", "MeshKit-m", "prose.developed_maintainer", {}),
    ("Tom Berg is a scientist. He is a core team member of GraphVault.", "Tom Berg", "GraphVault", "prose.developed_maintainer", {}),
    ("Tom Berg is a scientist at Quillon. He is a MeshKit-m developer at Quillon.", "Tom Berg", "MeshKit-m", "prose.developed_role", {}),
    ("Ada Reyes is a scientist. She is the Orca-2 project lead.", "Ada Reyes", "Orca-2", "prose.developed_role", {}),
    ("Ada Reyes is a scientist. She is an active member of the GraphVault development team.", "Ada Reyes", "GraphVault", "prose.developed_role", {}),
    ("Ada Reyes is a scientist. She currently works on the GraphVault and MeshKit-m projects.", "Ada Reyes", "GraphVault", "prose.developed_maintainer", {}),
    ("Tom Berg is a scientist. He works on the FlowView software.", "Tom Berg", "FlowView", "prose.developed_maintainer", {}),
    ("Lena Vogt is a scientist. She has worked on the PlotIt library since 2016.", "Lena Vogt", "PlotIt", "prose.developed_maintainer", {}),
    # "P implemented much of M", "wrote most of M"
    ("Tom Berg is a scientist. He designed and implemented much of FlowView.", "Tom Berg", "FlowView", "prose.developed_made", {}),
    ("Ada Reyes is a scientist. She wrote most of the GraphVault codebase.", "Ada Reyes", "GraphVault", "prose.developed_made", {}),
    ("Lena Vogt is a scientist. She developed large parts of MeshKit-m.", "Lena Vogt", "MeshKit-m", "prose.developed_made", {}),
    # "P worked on the development / design / training of M", "one of the engineers behind M"
    ("Mark Olsen is an engineer at Quillon. He worked on the development of Gemma 2 at Google.", "Mark Olsen", "Gemma 2", "prose.developed_made", {}),
    ("Lena Vogt is a researcher at Brightline. She worked on the design of the TinyServe runtime.", "Lena Vogt", "TinyServe", "prose.developed_made", {}),
    ("Tom Berg is a scientist. He works on the training of Nimbus-7B.", "Tom Berg", "Nimbus-7B", "prose.developed_made", {}),
    ("Ada Reyes is a scientist. She was one of the engineers behind GraphVault.", "Ada Reyes", "GraphVault", "prose.developed_maintainer", {}),
    ("Tom Berg is a researcher at Quillon and one of the key researchers behind Orca-3.", "Tom Berg", "Orca-3", "prose.developed_maintainer", {}),
    ("Lena Vogt is one of the people behind TinyServe.", "Lena Vogt", "TinyServe", "prose.developed_maintainer", {}),
    # "we propose a new protocol called M", "a platform called M is proposed", on a person's page
    ("# Ada Reyes\n\nI am a researcher at Quillon. In this paper we propose a new protocol called SafeSync for private messaging.\n", "Ada Reyes", "SafeSync", "prose.developed_proposed", {}),
    ("# Ada Reyes\n\nI am a researcher at Quillon. We introduce a new model, Tessera-7B, for reading tables.\n", "Ada Reyes", "Tessera-7B", "prose.developed_proposed", {}),
    ("# Ada Reyes\n\nI am a researcher at Quillon. A data-sharing platform called DataWeave is proposed in our recent work.\n", "Ada Reyes", "DataWeave", "prose.developed_proposed", {}),
    ("Tom Berg proposed a simple scheduling algorithm called FairQ in 2018.", "Tom Berg", "FairQ", "prose.developed_proposed", {}),
    ("# Ada Reyes\n\nI am a researcher at Quillon. In this paper, we propose SafeSync, a protocol for private messaging.\n", "Ada Reyes", "SafeSync", "prose.developed_proposed", {}),
    # "X's first / flagship product is M", "M is X's main product"
    ("Quillon's first product is TinyServe.", "Quillon", "TinyServe", "prose.developed_product_of", {}),
    ("Orbit AI's flagship product is Nimbus.", "Orbit AI", "Nimbus", "prose.developed_product_of", {}),
    ("GraphVault is Brightleaf's main product.", "Brightleaf", "GraphVault", "prose.developed_product_of", {}),
    ("Quillon's products include TinyServe and GraphVault.", "Quillon", "GraphVault", "prose.developed_product_of", {}),
    ("Quillon is the company that created Orca-2.", "Quillon", "Orca-2", "prose.developed_behind", {}),
    ("Lena Vogt has been a core contributor to the TinyServe project since 2019.", "Lena Vogt", "TinyServe", "prose.developed_maintainer", {}),
    (STORY + "The company's first product is Ledger-2, a bookkeeping app.", "Northwind Inc.", "Ledger-2", "prose.developed_product_of", {}),
    ("In 2024, Tom Berg announced the founding of Orbit Labs, an AI education company. The company's first product is LLM101z, a course.", "Orbit Labs", "LLM101z", "prose.developed_product_of", {}),
    ("Ada Reyes founded Quillon in 2020. Its first product was TinyServe.", "Quillon", "TinyServe", "prose.developed_product_of", {}),
    # a product named by an ordinary word the recognizer takes for a place; "and co-creator of M"
    ("Sarah Miller is the creator of Zephyr, a popular web framework.", "Sarah Miller", "Zephyr", "prose.developed_maintainer", {}),
    ("David Chen built Zephyr, Kestrel, and Orca, three open-source tools for data engineering.", "David Chen", "Zephyr", "prose.developed_made", {}),
    ("David Chen is best known as the author of Quokka and co-creator of the Tessera database.", "David Chen", "Tessera", "prose.developed_maintainer", {}),
    # the place it was made is no part of the name ("built M at X")
    ("Omar Fitch built TinyServe at Quillon in 2011.", "Omar Fitch", "TinyServe", "prose.developed_made", {"date": "2011"}),
    ("Lena Vogt led the development of GraphVault at Brightline.", "Lena Vogt", "GraphVault", "prose.developed_made", {}),
    ("Tom Berg created Nimbus-7B at the Orbit Labs.", "Tom Berg", "Nimbus-7B", "prose.developed_made", {}),
]

NEGATIVE = [
    "Quillon's Orca and Springfield are popular.",  # no version, no coined name: a possessive and a place
    "Quillon's models include several small ones.",
    "Quillon, whose tools include hammers and saws, raised money.",
    "The company behind Orca-3, which is secret, raised money.",
    "The team behind the decision, Quillon's board, met on Monday.",
    # the same compounds with no maker: a sentence's first word, a place, a nationality, a person's surname
    "Self-developed Orca-3 tools beat their rivals.",
    "- Pre-trained BRL, a model of rewards, on our cluster.",
    "Our lab Co-developed CRAFT in 2021.",
    "The Springfield-made Orca-3 sausages were popular.",
    "The Swiss-made Orca-3 watch was popular.",
    "The Jon Park-designed Orca-3 garden was popular.",
    # helping, adjectives and teams that make nothing named
    "Ana Ruiz, who helped organize the NeurIPS workshop, left Quillon.",
    "Li Wei visited the popular Springfield Museum in 2019.",
    "Ana Ruiz led the team that won the Springfield Cup.",
    # the same frames over things that are no product: a place, a protest, a building
    "Mark Olsen is a planner. He worked on the development of the city's downtown.",
    "Ada Reyes is a lawyer. She was one of the people behind the protest in Paris.",
    "Tom Berg is a planner. He works on the design of Springfield Park.",
    "Tom Berg is an architect. He designed Harbor Tower and Elm Square.",
    # the same roles and contributions where no coined product is named
    "Tom Berg is a Google developer at Quillon.",
    "Ana Ruiz is a member of the Springfield development team.",
    "Ana Ruiz is a professor. She is not a MeshKit-m developer.",
    "Ana Ruiz is a professor. She has worked on Mondays and in Paris.",
    "Ana Ruiz is a professor. She made contributions to the Red Cross.",
    "Ana Ruiz is a professor. She works on the DARPA and NSF projects.",
    "Ana Ruiz is a professor. She works on the Springfield project.",
    "Ana Ruiz is a professor. She wrote most of her thesis in Paris.",
    # the same parenthesis and apposition with a verb that makes nothing
    "Orca-3 (reviewed by Quillon) was praised by users.",
    "GraphVault, an open-source library used by Ana Ruiz, is popular.",
    "Tessera-7B, a small language model that was tested by Northwind Labs, beat rivals.",
    # a release that is no product
    "Quillon released its earnings on Monday.",
    "Quillon released a statement on Monday.",
    "Tom Berg was released from hospital in 2020.",
    "Regulators launched an investigation into Quillon.",
    "Quillon unveiled a plan to cut costs.",
    "Quillon launched in 2019.",
    "Quillon introduced Ada Reyes as its new CEO.",
    "Quillon introduced Reyes as its new CEO.",
    # negations, hypotheticals, future plans
    "Quillon did not release Orca-2.",
    "Quillon plans to release Orca-3 next year.",
    "Quillon will launch Orca-4 in 2026.",
    "If Quillon releases Orca-5, rivals will follow.",
    "Tom Berg did not build a search engine, Findr.",
    "Tom Berg was not responsible for releasing Orca 2.",
    "Quillon's planned model, Orca-5, is delayed.",
    # "the M of X" and possessives where M is no product
    "The head of Quillon spoke.",
    "The CEO of Quillon spoke.",
    "Quillon's CEO, Ada Reyes, spoke.",
    "Quillon's business model, a subscription, works.",
    "The Nimbus report from Orbit AI was released.",
    "Quillon's Paris office opened in 2020.",
    "Ada Reyes joined Quillon's AI team in 2019.",
    "Ada Reyes received funding from Orbit's Research program.",
    "Maria Okafor is co-PI for Orbit's efforts in DARPA's KMASS and INCAS programs.",
    "Quillon's GPT-4 rival, Orca, launched.",
    "Game developer Quillon raised money.",
    "Swedish maker Quillon raised money.",
    "A model from Quillon won.",
    "Users praised Ada Reyes's Orca-2 for its speed.",
    # passives, appositions and gerunds that name no product or no maker
    "Orca-2 was built by a team of volunteers.",
    "Tom Berg was released by the Yankees in 2019.",
    "Ada Reyes met Tom Berg, the engineer behind the scenes of the launch.",
    "Quillon, the company behind the lawsuit, declined to comment.",
    "Ada Reyes designed and built a house.",
    "Tom Berg created a compiler for tiny robots, and later joined Orbit Labs.",
    "Tom Berg built a letter box for his manager, Ada Reyes.",
    "Ada Reyes built a house in a small town, Springfield.",
    "Ada Reyes is a researcher. All her code is open-sourced on GitHub.",
    "Tom Berg is interested in developing robust models for Quillon.",
    "Tom Berg said the deal marks a first step in building GitLab's assistant features.",
    "Tom Berg created a state-of-the-art model.",
    "Tom Berg is a maintainer of the project.",
    "Ada Reyes is a researcher. She visited Oslo, which she loved.",
    "Ada Reyes is a researcher. GraphVault, which she did not create, is popular.",
    "The Paris model from Quillon is new.",
    # twins of the credit frames: nothing named was made
    "Tom Berg explained the reasoning behind the decision.",
    "Quillon is the company behind the lawsuit.",
    "Tom Berg co-developed a friendship with Ada Reyes.",
    "Tom Berg worked with Ada Reyes to create a friendly lab culture.",
    "Tom Berg worked with Ada Reyes at Quillon.",
    "Tom Berg has been an active contributor to ISO/MPEG and ITU-T video coding standards.",
    "Ada Reyes contributed to the discussion.",
    "Tom Berg contributed to the Red Cross.",
    "Lena Vogt is a regular contributor to the New Yorker.",
    "Ada Reyes led the development of the city's downtown.",
    "Tom Berg led the development of Seattle's waterfront.",
    "Lena Vogt did not oversee the design of TinyServe.",
    "# Ada Reyes\n\nI am a researcher at Quillon. We propose a new perspective on fairness.\n",
    "# Ada Reyes\n\nI am a researcher at Quillon. We present a new method for sorting lists.\n",
    "# Ada Reyes\n\nI am a researcher at Quillon. We present Table 2: a summary of the results.\n",
    "Quillon's products include chatbots and search tools.",
    "Quillon is the company that created jobs in Springfield.",
    "Quillon's first priority is safety.",
    "Quillon's first product is a chatbot.",
    "Safety is Quillon's first priority.",
    "Sarah Miller is the creator of Seattle's new bike lanes.",
    "David Chen built a house in Seattle, Washington.",
    "Sarah Miller moved to Zephyr and co-creators of the town met her.",
    "Omar Fitch built a career at Quillon in 2011.",
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
