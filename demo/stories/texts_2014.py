"""Stories from 2014, the year the Facebook group and the secretariat began."""

from datetime import date

BYLINE = "Tekst: Sekretariatet for Vores Ishøj"

STORIES = [
    {
        "slug": "faldet-til-i-vejledalen",
        "title": "»Vi er i den grad faldet til i Vejledalen«",
        "intro": (
            "Da Lars Bendsen ville købe rækkehus i Ishøj i 2003, troede hans kone, at han var "
            "gået fra forstanden. Elleve år senere har parret båd i havnen, et stort netværk og "
            "alt, hvad de har brug for, lige om hjørnet."
        ),
        "date": date(2014, 8, 20),
        "byline": "Tekst: Sekretariatet for Vores Ishøj efter Lars Bendsens opslag i Vores Ishøj",
        "hero": ("terrace", "Rækkehuse i Vejledalen"),
        "image_alt": (
            "Illustration af en række rækkehuse med saddeltage og grønne plæner, og et rødt S-tog "
            "der kører forbi"
        ),
        "image_caption": "Rækkehusene i Vejledalen, hvor Lars og Elizabeth har boet siden 2003.",
        "tags": ["fællesskab", "natur", "tilflyttere"],
        "partners": [],
        "body": [
            (
                "text",
                [
                    "Det første opslag, Lars Bendsen skrev i Facebook-gruppen Vores Ishøj, var "
                    "ikke en klage eller et spørgsmål. Det var en kærlighedserklæring. Den 17. "
                    "august, kort efter at han var blevet medlem, fortalte han de andre i "
                    "gruppen, hvorfor han og hans kone, Elizabeth, er blevet så glade for at bo i "
                    "Ishøj.",
                    "Sådan så det ikke ud fra begyndelsen. Da Lars i 2003 begyndte at tale om at "
                    "købe hus i Ishøj, troede Elizabeth – som Lars selv udtrykker det – at han "
                    "havde »totalt gennemtræk i pyrolyseværket«. Alligevel endte parret i et af "
                    "rækkehusene i Vejledalen, og der bor de endnu.",
                ],
            ),
            ("heading", "Genbrugspladsen gav et stort netværk"),
            (
                "text",
                [
                    "I dag har de to en omgangskreds, de ikke havde drømt om. En stor del af æren "
                    "giver Lars grundejerforeningens lille genbrugsplads, som parret passer. Når "
                    "man står dér, kommer naboerne forbi, og så bliver der snakket.",
                    "Fritiden bruger de gerne ved vandet. De har en lille båd liggende i Ishøj "
                    "Havn, og de holder af både havnen og de mange grønne åndehuller i kommunen.",
                ],
            ),
            (
                "image",
                {
                    "scene": "harbour",
                    "title": "Små både i Ishøj Havn",
                    "alt_text": "Illustration af to sejlbåde på vandet ved en træbro i en havn",
                    "caption": "Lars og Elizabeth har en lille båd liggende i Ishøj Havn.",
                },
            ),
            (
                "text",
                [
                    "Det er især nærheden, Lars fremhæver. Der er fem minutters gang til dejlig "
                    "natur, og med S-toget er man på Hovedbanegården på 20 minutter. Alt det "
                    "nødvendige ligger lige om hjørnet, skriver han, og kalder sig og Elizabeth "
                    "privilegerede.",
                ],
            ),
            (
                "quote",
                {
                    "quote": (
                        "Lad os glæde os over alt det gode – det giver energi til at holde det "
                        "dårlige for døren."
                    ),
                    "name": "Lars Bendsen",
                    "role": "bor i Vejledalen",
                },
            ),
            (
                "text",
                [
                    "Lars er langt fra den eneste, der bruger gruppen til at dele sin glæde ved "
                    "byen. Her bliver nye tilflyttere budt velkommen, og forældre udveksler "
                    "erfaringer, når der skal vælges børnehave. Og det er svært at forestille sig "
                    "en bedre reklame for Ishøj end borgere, der selv fortæller, hvorfor de er "
                    "blevet boende.",
                ],
            ),
        ],
    },
    {
        "slug": "byttemarked-paa-bredekaergaard",
        "title": "300 gæster og 360 kilo tøj på Bredekærgård",
        "intro": (
            "Forældrenetværket Aktiviteter for børn og Glashuset i Vejleåparken har fundet en "
            "opskrift, der virker: byttemarkedet. Den 6. juli kom 300 gæster til Bredekærgård, og "
            "360 kilo tøj fik en ny ejer."
        ),
        "date": date(2014, 9, 2),
        "byline": BYLINE,
        "hero": ("market", "Byttemarked på Bredekærgård"),
        "image_alt": (
            "Illustration af et stativ med farverigt tøj på bøjler foran en rød gård, mens fire "
            "mennesker kigger på tøjet"
        ),
        "image_caption": "Byttemarkedet på Bredekærgård søndag den 6. juli.",
        "tags": ["børn og familier", "fællesskab", "genbrug"],
        "partners": [
            "Aktiviteter for børn",
            "Glashuset",
            "Thorslunde-Ishøj Lokalhistoriske Forening",
        ],
        "body": [
            (
                "text",
                [
                    "Bukser, som børnene er vokset ud af, en jakke, der aldrig blev brugt, og "
                    "kjoler, der fortjener en sommer mere: På et byttemarked får det hele nyt "
                    "liv. Søndag den 6. juli var det Bredekærgårds tur til at lægge gård til, og "
                    "interessen overgik forventningerne. 300 gæster lagde vejen forbi, og 360 "
                    "kilo tøj skiftede ejer i løbet af dagen.",
                    "Bag markedet står Aktiviteter for børn og Glashuset i Vejleåparken, der har "
                    "arrangeret byttemarkederne sammen. De skiftes til at være værter, og det har "
                    "haft en sidegevinst: Beboere, som ellers aldrig var kommet på Bredekærgård, "
                    "har nu været forbi den gamle gård.",
                ],
            ),
            (
                "gallery",
                {
                    "title": "Fra byttemarkedet",
                    "images": [
                        {
                            "scene": "market",
                            "title": "Byttemarked: tøjet hænger klar",
                            "alt_text": "Illustration af et tøjstativ med skjorter i mange farver",
                            "caption": "Tøjet hænger klar, inden dørene åbner.",
                        },
                        {
                            "scene": "market",
                            "title": "Byttemarked: gæster fra nær og fjern",
                            "alt_text": (
                                "Illustration af gæster, der kigger på tøj foran en rød gård"
                            ),
                            "caption": "Gæsterne kom fra hele Ishøj – og længere væk.",
                        },
                    ],
                },
            ),
            ("heading", "Et forældrenetværk med en mission"),
            (
                "text",
                [
                    "Aktiviteter for børn er et netværk af forældre under Thorslunde-Ishøj "
                    "Lokalhistoriske Forening. Den første søndag i hver måned mødes de i haven på "
                    "Bredekærgård, hvor der bliver hygget, klippet og klistret, leget og lavet "
                    "mad over bål. Og netværket går selv ud og finder nye samarbejdspartnere – "
                    "byttemarkedet med Glashuset er et godt eksempel.",
                ],
            ),
            (
                "quote",
                {
                    "quote": (
                        "Vi vil skabe gode oplevelser for familie og venner, mens vi mødes på "
                        "tværs, lærer hinanden at kende og udbreder historien om Ishøj."
                    ),
                    "name": "Aktiviteter for børn",
                    "role": "fra forældrenetværkets formål",
                },
            ),
            (
                "text",
                [
                    "Indtil nu er det blevet til tre vellykkede byttemarkeder. De trækker også "
                    "folk til fra nabokommunerne, og der er endda kommet gæster helt fra Hellerup "
                    "og Gentofte.",
                    "Det er god reklame for byen, når de oplever et sted som Bredekærgård. Mange "
                    "forbinder stadig Ishøj med boligblokke – men her møder de en gammel gård, en "
                    "have fuld af børn og en masse mennesker, der gerne vil dele.",
                ],
            ),
        ],
    },
]
