"""Stories from spring 2015, the pilot year's busiest months."""

from datetime import date

BYLINE = "Tekst: Sekretariatet for Vores Ishøj"

STORIES = [
    {
        "slug": "cafe-solstraalen",
        "title": "Café Solstrålen: Tirsdag er ikke længere en ensom dag",
        "intro": (
            "Hver tirsdag åbner Café Solstrålen for ældre, der savner nogen at tale med. Bag "
            "cafeen står Ældresagen, AAB, kommunens hjemmepleje og en flok frivillige – og unge "
            "kokke fra Pile Mølle."
        ),
        "date": date(2015, 3, 10),
        "byline": BYLINE,
        "hero": ("cafe", "Café Solstrålen"),
        "image_alt": (
            "Illustration af en stor gul sol over et langt bord med dampende kaffekopper i rødt, "
            "blåt og hvidt"
        ),
        "image_caption": "Kaffen er klar i Café Solstrålen hver tirsdag.",
        "tags": ["ældre", "fællesskab", "mad"],
        "partners": [
            "Ældresagen",
            "AAB",
            "Ishøj Kommune",
            "Produktionsskolen Pile Mølle",
            "Thorslunde-Ishøj Lokalhistoriske Forening",
        ],
        "body": [
            (
                "text",
                [
                    "Ensomhed kan ramme alle, men mange ældre kender den alt for godt. Dagene "
                    "bliver lange, når vennerne bliver færre, og det kræver mod at opsøge nye "
                    "mennesker. Derfor er Café Solstrålen blevet til: et fast mødested hver "
                    "tirsdag, hvor ældre i Ishøj kan få nye bekendtskaber og et større netværk.",
                    "Cafeen drives i et lokalt partnerskab mellem Ældresagen, boligforeningen AAB "
                    "og kommunens hjemmepleje. Ældresagen bidrager med viden og erfaring, sætter "
                    "aktiviteter i gang og stiller med frivillige, når cafeen har åbent. AAB "
                    "lægger lokaler til.",
                ],
            ),
            ("heading", "Unge kokke og hjælpende hænder"),
            (
                "text",
                [
                    "Maden laver elever fra køkkenlinjen på Produktionsskolen Pile Mølle, og der "
                    "sker noget særligt, når unge og ældre mødes over frokosten. Hertil kommer en "
                    "række frivillige, der ikke er medlem af nogen forening, men som gerne giver "
                    "en hånd med. De laver mad, dækker bord, pynter op og sørger for, at gæsterne "
                    "hygger sig.",
                ],
            ),
            (
                "image",
                {
                    "scene": "plates",
                    "title": "Frokost i Café Solstrålen",
                    "alt_text": (
                        "Illustration af fem dækkede tallerkener med farverig mad på et træbord"
                    ),
                    "caption": "Eleverne fra Pile Mølle står for maden.",
                },
            ),
            (
                "text",
                [
                    "Også andre af byens kræfter har lagt vejen forbi. Lokalhistorisk Forening "
                    "har inviteret til grill på Bredekærgård og holdt foredrag om emner fra "
                    "Ishøjs historie. Seniorværkstedet har været vært for en frokost, hvor "
                    "gæsterne hørte, hvordan de selv kan blive en del af værkstedet.",
                ],
            ),
            (
                "quote",
                {
                    "quote": (
                        "Vi fortæller ikke bare om cafeen. Vi planlægger den sammen med de andre "
                        "partnere og giver selv en hånd med, når der skal løses opgaver."
                    ),
                    "name": "Sekretariatet for Vores Ishøj",
                    "role": "partner i Café Solstrålen",
                },
            ),
            (
                "text",
                [
                    "Kender du en, der kunne have glæde af en tirsdag i godt selskab? Så fortæl "
                    "vedkommende om Café Solstrålen – eller kom selv forbi som frivillig.",
                ],
            ),
        ],
    },
    {
        "slug": "centergruppen-bymidtens-fremtid",
        "title": "Borgerne vil have en finger med i bymidtens fremtid",
        "intro": (
            "Det begyndte med en debat i Facebook-gruppen om Ishøj Bycenter. Nu har en gruppe "
            "borgere selv dannet Centergruppen, holdt møder og samlet deres bedste idéer til en "
            "fornyelse af centret."
        ),
        "date": date(2015, 3, 25),
        "byline": BYLINE,
        "hero": ("town", "Ishøj Bycenter og Centergruppen"),
        "image_alt": (
            "Illustration af et butikscenter med store vinduer, mennesker foran og tre talebobler "
            "over taget"
        ),
        "image_caption": "Bycenteret har fået sin egen borgergruppe.",
        "tags": ["byudvikling", "demokrati", "fællesskab"],
        "partners": ["Ishøj Kommune"],
        "body": [
            (
                "text",
                [
                    "Hvad skal der ske med bycenteret? Spørgsmålet satte gang i en livlig debat i "
                    "Facebook-gruppen Vores Ishøj. Men i stedet for at blive ved snakken gjorde "
                    "en gruppe borgere noget ved det: De dannede på eget initiativ en gruppe for "
                    "centerfornyelse, Centergruppen.",
                    "Siden har gruppen mødtes jævnligt og skrevet et oplæg med gode idéer til, "
                    "hvordan centret kan forny sig. Oplægget vil de give videre til den nye ejer, "
                    "hvis købsaftalen falder på plads.",
                ],
            ),
            ("heading", "Alle skal kunne følge med"),
            (
                "text",
                [
                    "Sekretariatet for Vores Ishøj har været sparringspartner undervejs. En "
                    "vigtig del af rådene har handlet om at holde de mange andre medlemmer af "
                    "Vores Ishøj orienteret, så alle kunne se, hvor langt gruppen var nået. "
                    "Gruppen har også sin egen side på voresishoj.dk, hvor møder og opgaver "
                    "bliver planlagt åbent for alle.",
                ],
            ),
            ("heading", "Tv-debat med politikerne"),
            (
                "text",
                [
                    "Borgerne ville også gerne vide, om politikerne har tænkt sig at lytte til "
                    "dem, når bycenterets fremtid skal afgøres. Derfor faciliterede sekretariatet "
                    "en tv-debat, hvor borgere og politikere mødtes, og hvor spørgsmålet blev "
                    "stillet direkte.",
                    "Centergruppen er et godt eksempel på, at en diskussion på Facebook kan blive "
                    "til handling, når nogen tager teten. Har du idéer til bymidten, er der plads "
                    "til flere.",
                ],
            ),
            (
                "call_to_action",
                {
                    "text": "Følg Centergruppen og kom med dine idéer til bymidten.",
                    "button_label": "Find Centergruppen",
                    "url": "/grupper/centergruppen/",
                },
            ),
        ],
    },
    {
        "slug": "affaldsindsamling-paa-ishoej-strand",
        "title": "Sammen gjorde vi Ishøj Strand ren",
        "intro": (
            "Danmarks Naturfredningsforening, CPH West, FDF Tranegilde og Park- og Vejcentret "
            "slog sig sammen om den årlige affaldsindsamling. Resultatet blev en renere strand, "
            "affaldsbasket og skattejagt for de mindste."
        ),
        "date": date(2015, 4, 27),
        "byline": BYLINE,
        "hero": ("beach", "Affaldsindsamling på Ishøj Strand"),
        "image_alt": (
            "Illustration af fem mennesker på en sandstrand med havet og en lys sol bag dem og en "
            "grøn affaldsspand ved siden af"
        ),
        "image_caption": "Frivillige i gang på Ishøj Strand.",
        "tags": ["natur", "fællesskab", "børn og familier"],
        "partners": [
            "Danmarks Naturfredningsforening",
            "CPH West",
            "FDF Tranegilde",
            "Park- og Vejcentret",
        ],
        "body": [
            (
                "text",
                [
                    "Hvert år opfordrer Danmarks Naturfredningsforening hele landet til at samle "
                    "affald i naturen. I år besluttede en række lokale partnere i Ishøj at løfte "
                    "opgaven i fællesskab, og valget af sted var let: Ishøj Strand, hvor så mange "
                    "af os går tur, bader og nyder udsigten.",
                    "Naturfredningsforeningen tog initiativet og kom med sin store viden om "
                    "affald i naturen. Men dagen blev først rigtig til, fordi hver partner bidrog "
                    "med netop det, de er gode til.",
                ],
            ),
            ("heading", "Basket, skattejagt og gribetænger"),
            (
                "text",
                [
                    "Eleverne fra CPH West stod for affaldsbasket, og FDF Tranegilde havde lavet "
                    "en skattejagt om affald for de yngste. Park- og Vejcentret sørgede for det "
                    "praktiske med en container, arbejdshandsker og gribetænger.",
                    "Basen var Havhytten, som vi havde fået lov at låne. Herfra blev udstyret "
                    "delt ud, og her samledes alle, når sækkene var fulde.",
                ],
            ),
            (
                "video",
                {
                    "url": "https://www.youtube.com/watch?v=VoresIshoj1",
                    "title": "Affaldsindsamling på Ishøj Strand",
                    "caption": "Stemningsvideo fra dagen på stranden.",
                },
            ),
            (
                "quote",
                {
                    "quote": (
                        "Dagen viste, at alle kan bidrage med noget til det fælles bedste – i "
                        "dette tilfælde til gavn for vores natur."
                    ),
                    "name": "Sekretariatet for Vores Ishøj",
                    "role": "medarrangør af affaldsindsamlingen",
                },
            ),
            (
                "text",
                [
                    "Dagen blev en succes, og der var bred enighed blandt partnerne om at gentage "
                    "den i 2016. Vil du være med næste gang, så meld dig i gruppen for "
                    "affaldsindsamling på voresishoj.dk.",
                ],
            ),
        ],
    },
    {
        "slug": "dyrk-ishoej",
        "title": "Dyrk Ishøj: Små haver mellem de store blokke",
        "intro": (
            "Byhaveprojektet Dyrk Ishøj vil samle naboer om små byhaver rundt i bebyggelserne. "
            "Boligforeningen AAB i Vejleåparken har vist interesse for at gøre det til en del af "
            "helhedsplanen."
        ),
        "date": date(2015, 5, 19),
        "byline": BYLINE,
        "hero": ("garden", "Byhaver i Vejleåparken"),
        "image_alt": (
            "Illustration af højbede med grønne planter og røde tomater foran lyse etageboliger"
        ),
        "image_caption": "Sådan kunne byhaverne tage sig ud mellem boligblokkene.",
        "tags": ["natur", "fællesskab", "byudvikling"],
        "partners": ["AAB", "Ishøj Kommune"],
        "body": [
            (
                "text",
                [
                    "Der er noget særligt ved at stå side om side med naboen og se de første "
                    "spirer titte frem. Det er tanken bag Dyrk Ishøj, et byhaveprojekt, hvor "
                    "beboere går sammen om at skabe små byhaver rundt omkring i bebyggelserne.",
                    "Idéen voksede frem i borgerværkstedet, en gruppe borgere, der brænder for at "
                    "styrke fællesskabet på tværs af kulturer, sociale skel og alder. For en "
                    "byhave er mere end grøntsager: Den er et sted, hvor man mødes, snakker og "
                    "deler både høst og gode råd.",
                ],
            ),
            ("heading", "AAB ser muligheder i helhedsplanen"),
            (
                "text",
                [
                    "Boligforeningen AAB i Vejleåparken har vist interesse for projektet som en "
                    "del af sin helhedsplan for området. Dermed kan de grønne pletter blive en "
                    "fast del af hverdagen for beboerne.",
                    "Sekretariatet for Vores Ishøj har inviteret borgere med ind i både Dyrk "
                    "Ishøj og Store Plantedag, hvor folk mødes på tværs og lærer hinanden bedre "
                    "at kende med hænderne i jorden.",
                ],
            ),
            (
                "call_to_action",
                {
                    "text": (
                        "Har du grønne fingre eller lyst til at lære? Dyrk Ishøj har brug for dig."
                    ),
                    "button_label": "Find gruppen Dyrk Ishøj",
                    "url": "/grupper/dyrk-ishoej/",
                },
            ),
        ],
    },
    {
        "slug": "cykling-uden-alder",
        "title": "Cykling uden alder: Vinden i håret igen",
        "intro": (
            "Frivillige cyklister tager ældre, der ikke længere selv kan cykle, med på tur i "
            "rickshaw. I Ishøj er elever fra CPH West også trådt i pedalerne."
        ),
        "date": date(2015, 6, 2),
        "byline": BYLINE,
        "hero": ("trishaw", "Cykling uden alder i Ishøj"),
        "image_alt": (
            "Illustration af en rød rickshaw med en ældre passager foran og en cyklist bagpå på "
            "en sti mellem grønne træer"
        ),
        "image_caption": "En tur i rickshaw giver nye oplevelser – og gode samtaler.",
        "tags": ["ældre", "unge", "fællesskab"],
        "partners": ["Cykling uden alder", "CPH West", "Ishøj Kommune"],
        "body": [
            (
                "text",
                [
                    "Cykling uden alder er en bevægelse, der begyndte i København og siden har "
                    "bredt sig til mange kommuner. Idéen er enkel: Frivillige cykler ældre rundt "
                    "i en rickshaw, så de igen kan mærke vinden i håret og opleve byen og naturen "
                    "fra cykelstien.",
                    "I Ishøj er Cykling uden alder et af de partnerskaber, Vores Ishøj arbejder "
                    "med, hvor borgere, frivillige, foreninger og kommune går sammen om noget, "
                    "ingen af dem kunne løfte alene.",
                ],
            ),
            ("heading", "Gymnasieelever i pedalerne"),
            (
                "text",
                [
                    "Gymnasiet CPH West er samarbejdspartner og vil gerne give sine elever "
                    "mulighed for at optjene et frivillighedsbevis ved at tage medansvar for "
                    "aktiviteter i lokalsamfundet. Eleverne har allerede været med i Cykling uden "
                    "alder, og samarbejdet skal udvikles videre sammen med eleverne og deres "
                    "rektor.",
                    "På voresishoj.dk har Cykling uden alder sin egen gruppe. Her planlægger de "
                    "frivillige ture og opgaver, så alle kan følge med og byde ind med idéer.",
                ],
            ),
            (
                "call_to_action",
                {
                    "text": "Vil du være cykelpilot eller kender du en, der trænger til en tur?",
                    "button_label": "Find gruppen Cykling uden alder",
                    "url": "/grupper/cykling-uden-alder/",
                },
            ),
        ],
    },
]
