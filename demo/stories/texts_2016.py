"""Stories from 2016, the year the secretariat was asked to continue."""

from datetime import date

BYLINE = "Tekst: Sekretariatet for Vores Ishøj"

LENTIL_SOUP = {
    "name": "Familiens røde linsesuppe",
    "servings": 6,
    "prep_minutes": 45,
    "ingredients": [
        "250 g røde linser",
        "1 stort løg",
        "1 gulerod",
        "1 spsk tomatpuré",
        "2 tsk paprika",
        "1 tsk stødt spidskommen",
        "1,5 l grøntsags- eller hønsebouillon",
        "3 spsk smør",
        "1 tsk tørret mynte",
        "Salt og peber",
        "1 citron i både til servering",
    ],
    "steps": [
        "Skyl linserne i en sigte under koldt vand, til vandet løber klart.",
        "Hak løg og gulerod fint, og svits dem i 1 spsk smør i en gryde, til løget er blødt.",
        "Rør tomatpuré, 1 tsk paprika og spidskommen i, og lad det stege et minuts tid.",
        "Kom linser og bouillon i, bring suppen i kog, og lad den simre under låg i 25-30 "
        "minutter, til linserne er helt møre.",
        "Blend suppen glat, og smag til med salt og peber. Er den for tyk, så fortynd med lidt "
        "vand.",
        "Smelt resten af smørret med mynte og resten af paprikaen, og dryp det over suppen. "
        "Server med citronbåde og godt brød.",
    ],
}

STORIES = [
    {
        "slug": "mad-med-historie-linsesuppe",
        "title": "Mad med historie: Suppen, der flyttede med til Ishøj",
        "intro": (
            "Nogle opskrifter er mere end mad. I Mad med historie deler Ishøj-borgere deres "
            "opskrifter og historien bag dem. Første bidrag er en rød linsesuppe, der har fulgt "
            "en familie gennem tre generationer."
        ),
        "date": date(2016, 2, 3),
        "byline": "Opskrift og fortælling: en beboer i Vejleåparken · Redigeret af sekretariatet",
        "hero": ("plates", "Mad med historie: rød linsesuppe"),
        "image_alt": (
            "Illustration af tallerkener med orange, grøn, rød og gul mad på et spisebord set fra "
            "oven"
        ),
        "image_caption": "Linsesuppen er fast på bordet, når familien samles.",
        "tags": ["mad", "kultur", "fællesskab"],
        "partners": [],
        "body": [
            (
                "text",
                [
                    "Mad med historie er et fællesskab, hvor vi deler opskrifter og samtidig "
                    "fortæller vores livshistorier – på tværs af alder, kulturel baggrund og "
                    "boligområde. Alle kan dele en opskrift på voresishoj.dk og fortælle "
                    "historien bag, for eksempel når det er en opskrift, der er gået i arv i "
                    "familien.",
                    "Det første bidrag kommer fra en mor i Vejleåparken. Suppen lærte hun af sin "
                    "mor, som lærte den af sin, og i dag er det hendes egne børn, der spørger "
                    "efter den, når det er koldt udenfor.",
                ],
            ),
            (
                "quote",
                {
                    "quote": (
                        "Da vi flyttede hertil, var suppen det første, jeg lavede i det nye "
                        "køkken. Så duftede det hjemme, selv om alt andet var nyt. Nu laver jeg "
                        "den til naboerne, når nogen er syge."
                    ),
                    "name": "Beboer i Vejleåparken",
                    "role": "deler sin families opskrift",
                },
            ),
            ("heading", "En suppe til at dele"),
            (
                "text",
                [
                    "Suppen er billig, mættende og let at lave i en stor gryde – og derfor også "
                    "oplagt, når der skal være mad til mange. Den bliver kun bedre dagen efter.",
                ],
            ),
            ("recipe", LENTIL_SOUP),
            (
                "call_to_action",
                {
                    "text": "Har du en opskrift med en historie? Del den med resten af Ishøj.",
                    "button_label": "Del din opskrift",
                    "url": "/fortael/?type=opskrift",
                },
            ),
        ],
    },
    {
        "slug": "havhyttenfri",
        "title": "HavhyttenFri: Frivillige vil holde Havhytten åben i weekenden",
        "intro": (
            "En gruppe frivillige vil gerne åbne Havhytten ved Ishøj Strand i weekenderne, så "
            "flere kan få glæde af den. Spørgsmål om sikkerheden ved kajakkerne har bremset "
            "planen, men idéen lever."
        ),
        "date": date(2016, 3, 17),
        "byline": BYLINE,
        "hero": ("hut", "Havhytten ved Ishøj Strand"),
        "image_alt": (
            "Illustration af en brun træhytte med mørkt tag på stranden ved havet, med tre "
            "farvede kajakker på sandet"
        ),
        "image_caption": (
            "Havhytten ved stranden – og kajakkerne, der gav anledning til eftertanke."
        ),
        "tags": ["natur", "frivillige", "fællesskab"],
        "partners": ["Ishøj Kommune"],
        "body": [
            (
                "text",
                [
                    "Havhytten ligger tæt på vandet og er kendt af mange – blandt andet som base "
                    "for affaldsindsamlingen på Ishøj Strand. Men i weekenderne, hvor flest har "
                    "tid til at nyde stranden, er dørene ofte lukkede.",
                    "Det vil en gruppe frivillige lave om. Under navnet HavhyttenFri vil de stå "
                    "for at åbne Havhytten i weekenderne, og gruppen har arbejdet sammen med "
                    "naturcenteret om, hvordan det kan foregå.",
                ],
            ),
            ("heading", "Kajakkerne gav anledning til eftertanke"),
            (
                "text",
                [
                    "I begyndelsen var planen, at man også skulle kunne låne kajakkerne. Men så "
                    "opstod der tvivl om sikkerheden: Hvem har ansvaret, når man padler ud fra en "
                    "hytte, der holdes åben af frivillige?",
                    "Spørgsmålet er ikke løst endnu, men idéen er stadig aktuel. Så snart der er "
                    "fundet en god og sikker model, er de frivillige klar.",
                ],
            ),
            (
                "quote",
                {
                    "quote": (
                        "Vi vil gerne eksperimentere og hoppe med på de idéer, der opstår i "
                        "lokalsamfundet – og hjælpe dem med at lykkes."
                    ),
                    "name": "Sekretariatet for Vores Ishøj",
                    "role": "om HavhyttenFri",
                },
            ),
            (
                "call_to_action",
                {
                    "text": "Vil du give en hånd med i Havhytten en weekend? Skriv dig op.",
                    "button_label": "Jeg vil gerne give en hånd",
                    "url": "/grupper/giv-en-haand/",
                },
            ),
        ],
    },
]
