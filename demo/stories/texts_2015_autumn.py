"""Stories from midsummer 2015 on: the pilot year's results, festivals, youth, neighbours."""

from datetime import date

BYLINE = "Tekst: Sekretariatet for Vores Ishøj"
FACEBOOK_GROUP_URL = "https://www.facebook.com/groups/voresishoj"

STORIES = [
    {
        "slug": "et-aar-med-vores-ishoej",
        "title": "Et år med Vores Ishøj: Over 3000 er med i fællesskabet",
        "intro": (
            "Vores Ishøj begyndte som et etårigt forsøg i august 2014. I dag er over 3000 med i "
            "Facebook-gruppen, og voresishoj.dk har haft mere end 1600 brugere. Her er historien "
            "om et år med vi-følelse."
        ),
        "date": date(2015, 6, 23),
        "byline": BYLINE,
        "hero": ("network", "Et år med Vores Ishøj"),
        "image_alt": (
            "Illustration af mange farvede cirkler forbundet af lyse streger som et netværk på "
            "blå baggrund"
        ),
        "image_caption": "Et netværk på kryds og tværs af Ishøj.",
        "tags": ["fællesskab", "demokrati"],
        "partners": [
            "Ishøj Kommune",
            "Thorslunde-Ishøj Lokalhistoriske Forening",
            "Ældre i bevægelse",
            "Røde Kors",
        ],
        "body": [
            (
                "text",
                [
                    "Idéen bag Vores Ishøj er at styrke vi-følelsen på tværs af borgere, "
                    "ildsjæle, politikere, boligområder, kommune og virksomheder. Inspirationen "
                    "kommer fra medborgerpolitikken fra 2012, hvor borgere, politikere og lokale "
                    "kræfter sammen gjorde mangfoldigheden til Ishøjs styrke.",
                    "Fra august 2014 fik et lille sekretariat under kommunikation et år til at "
                    "gøre visionen til virkelighed: fortælle de gode historier, bringe folk "
                    "sammen og støtte lokale initiativer.",
                ],
            ),
            (
                "quote",
                {
                    "quote": (
                        "Når det gælder om at løfte byen, er det os, som bor her, der er den "
                        "vigtigste ressource."
                    ),
                    "name": "Facebook-gruppen Vores Ishøj",
                    "role": "fra velkomsten, da gruppen startede",
                },
            ),
            ("heading", "Fra 560 til over 3000"),
            (
                "text",
                [
                    "Facebook-gruppen Vores Ishøj startede den 8. maj 2014 og havde efter få "
                    "måneder 560 medlemmer. Nu er tallet over 3000, og det vokser stadig. "
                    "Hjemmesiden voresishoj.dk gik i luften i februar 2015 og har siden haft over "
                    "1600 unikke brugere og mere end 11.000 sidevisninger.",
                    "Medlemmerne afspejler Ishøjs mangfoldighed. Folk i alle aldre og med "
                    "forskellig baggrund deler billeder og oplevelser, hjælper hinanden og "
                    "diskuterer stort og småt. Ved et fællesmøde om gruppens retningslinjer "
                    "meldte flere sig endda som administratorer.",
                ],
            ),
            ("heading", "Foreningerne åbner sig"),
            (
                "text",
                [
                    "Borgerværkstedet, der var med fra starten, samler både folk fra foreninger "
                    "som Thorslunde-Ishøj Lokalhistoriske Forening, Ældre i bevægelse og Røde "
                    "Kors og borgere, der gerne giver et par timer her og der uden at melde sig "
                    "ind i noget. Sammen er det blevet til samtalemiddag om Det Fælles Bedste, "
                    "affaldsindsamling, ældrecaféer, Store Plantedag og Dyrk Ishøj.",
                    "Sekretariatet anbefaler byrådet at fortsætte arbejdet til og med 2016, så "
                    "fællesskabet kan vokse videre.",
                ],
            ),
        ],
    },
    {
        "slug": "smag-paa-verden",
        "title": "Smag på verden: Kulturfest med mad og dans på Bredekærgård",
        "intro": (
            "I september inviterer Aktiviteter for børn og en række lokale partnere til stor "
            "kulturfest på Bredekærgård. Her mødes vi over maden og dansen fra de mange kulturer, "
            "der tilsammen er Ishøj."
        ),
        "date": date(2015, 8, 20),
        "byline": BYLINE,
        "hero": ("festival", "Smag på verden på Bredekærgård"),
        "image_alt": (
            "Illustration af farverige flagguirlander over en hvid gård i aftensol med mennesker "
            "på græsset foran"
        ),
        "image_caption": "Bredekærgård bliver rammen om kulturfesten i september.",
        "tags": ["mad", "kultur", "børn og familier", "fællesskab"],
        "partners": [
            "Aktiviteter for børn",
            "I tråd med verden",
            "Thorslunde-Ishøj Lokalhistoriske Forening",
        ],
        "body": [
            (
                "text",
                [
                    "Ishøj rummer mennesker med rødder i hele verden, og i september skal det "
                    "fejres. Forældrenetværket Aktiviteter for børn inviterer sammen med andre "
                    "lokale partnere til kulturfesten Smag på verden på Bredekærgård, hvor vi "
                    "præsenterer vores forskellige kulturer for hinanden gennem mad og dans.",
                    "Forberedelserne er i fuld gang, og der bliver brug for mange hænder – både "
                    "til at lave mad, sætte op og byde gæsterne velkommen.",
                ],
            ),
            ("heading", "Fra byfest-drøm til kulturfest"),
            (
                "text",
                [
                    "Da borgergruppen bag Vores Ishøj begyndte, talte man meget om at holde en "
                    "stor byfest. I stedet valgte gruppen først at bygge et stærkt netværk op i "
                    "Facebook-gruppen, som senere kunne bære større arrangementer.",
                    "Nu er andre begyndt at tage stafetten. Medborger- og Demokratiforum holdt "
                    "byhavekoncert med afterparty den 6. juni, og med Smag på verden følger "
                    "Aktiviteter for børn trop.",
                ],
            ),
            (
                "image",
                {
                    "scene": "plates",
                    "title": "Livretter fra hele verden",
                    "alt_text": "Illustration af tallerkener med farverige retter set fra oven",
                    "caption": "Børnenes livretter samles i en blog og en kogebog.",
                },
            ),
            ("heading", "Børnenes livretter"),
            (
                "text",
                [
                    "Til festen bliver der også sat fokus på Livretter, en blog og en kogebog med "
                    "børns yndlingsretter fra forskellige kulturer. Projektet er aftalt mellem »I "
                    "tråd med verden« og Aktiviteter for børn, og på sigt skal det handle om mere "
                    "end børnenes mad.",
                ],
            ),
            (
                "call_to_action",
                {
                    "text": "Følg forberedelserne og meld dig som hjælper i Facebook-gruppen.",
                    "button_label": "Gå til Vores Ishøj på Facebook",
                    "url": FACEBOOK_GROUP_URL,
                },
            ),
        ],
    },
    {
        "slug": "ungeraadet",
        "title": "Ungerådet: Ishøjs unge skal også høres",
        "intro": (
            "Ishøj har sit eget ungeråd, og nu får de unge en fast plads i Vores Ishøj. "
            "Sekretariatet vil vise, hvad rådet arbejder med, og hjælpe med at finde de gode "
            "historier om byens unge."
        ),
        "date": date(2015, 10, 8),
        "byline": BYLINE,
        "hero": ("voices", "Ungerådet i Ishøj"),
        "image_alt": (
            "Illustration af seks unge mennesker på række under farverige talebobler på en lilla "
            "og turkis baggrund"
        ),
        "image_caption": "De unge har noget på hjerte – og Ungerådet giver dem en stemme.",
        "tags": ["unge", "demokrati", "fællesskab"],
        "partners": ["Ungerådet", "CPH West"],
        "body": [
            (
                "text",
                [
                    "Når vi taler om fællesskab på tværs, skal de unge være med. Derfor "
                    "samarbejder Vores Ishøj med Ungerådet, der giver Ishøjs unge en stemme i "
                    "kommunen.",
                    "Sekretariatet vil gøre rådets arbejde og aktiviteter synlige for alle i "
                    "Ishøj – her på voresishoj.dk og i Facebook-gruppen – og hjælpe med at finde "
                    "og fortælle de gode historier om byens unge.",
                ],
            ),
            ("heading", "Frivillighed med bevis"),
            (
                "text",
                [
                    "Også på gymnasiet CPH West tager unge ansvar for lokalsamfundet. Skolen vil "
                    "give eleverne mulighed for at optjene et frivillighedsbevis, når de tager "
                    "medansvar for lokale aktiviteter. Eleverne har allerede været med i Cykling "
                    "uden alder og i affaldsindsamlingen på Ishøj Strand.",
                    "Det er præcis den slags historier, vi gerne vil have mange flere af: unge, "
                    "der gør en forskel for deres by og møder mennesker, de ellers ikke var stødt "
                    "på.",
                ],
            ),
            (
                "call_to_action",
                {
                    "text": "Er du ung i Ishøj og har en historie, vi skal fortælle? Skriv til os.",
                    "button_label": "Fortæl din historie",
                    "url": "/fortael/",
                },
            ),
        ],
    },
    {
        "slug": "en-hilsen-fra-din-nabo",
        "title": "En hilsen fra din nabo",
        "intro": (
            "Små gaver med småkager og et kort, hvor der står »En hilsen fra din nabo«. Sådan vil "
            "Vores Ishøj sætte fokus på det gode naboskab op til borgermødet om naboskab i "
            "november."
        ),
        "date": date(2015, 11, 5),
        "byline": BYLINE,
        "hero": ("gifts", "En hilsen fra din nabo"),
        "image_alt": (
            "Illustration af tre gaveposer i rødt, blåt og grønt med små kort på, omgivet af "
            "småkager med chokoladestykker"
        ),
        "image_caption": "Små poser med småkager – og en hilsen fra naboen.",
        "tags": ["fællesskab", "naboskab"],
        "partners": ["Medborger- og Demokratiforum", "Ishøj Kommune"],
        "body": [
            (
                "text",
                [
                    "Hvornår har du sidst fået en gave fra en, du kun kender af udseende? Idéen "
                    "til nabo-happeningen opstod allerede i borgerværkstedet bag Vores Ishøj: små "
                    "gaver med småkager i og et lille kort med ordene »En hilsen fra din nabo«.",
                    "Idéen har ligget klar længe, for timingen skulle være rigtig. Nu er den det.",
                ],
            ),
            ("heading", "Optakt til borgermødet om naboskab"),
            (
                "text",
                [
                    "I november holder Medborger- og Demokratiforum borgermøde om naboskab. "
                    "Forummet har tidligere inviteret til borgermøde om tryghed og til "
                    "byhavekoncert med afterparty, og nu er turen kommet til forholdet mellem os, "
                    "der bor dør om dør.",
                    "Småkagerne er tænkt som en venlig optakt: en lille hilsen, der kan åbne en "
                    "snak på trappen eller ved hækken. Samtidig vil vi fortælle gode "
                    "nabohistorier her på voresishoj.dk, fordi de styrker fællesskabet.",
                ],
            ),
            (
                "quote",
                {
                    "quote": (
                        "Det gode naboskab starter tit med noget meget lille – et smil, et goddag "
                        "eller en pose småkager."
                    ),
                    "name": "Sekretariatet for Vores Ishøj",
                    "role": "om nabo-happeningen",
                },
            ),
            (
                "call_to_action",
                {
                    "text": "Har du en god nabo? Fortæl os historien.",
                    "button_label": "Fortæl os historien",
                    "url": "/fortael/",
                },
            ),
        ],
    },
]
