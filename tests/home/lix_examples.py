"""Texts whose LIX was counted by hand, word by word, for both implementations
(home/readability.py and static/js/lix.js). Long words (over six letters) are
listed in each comment so a reader can check the count."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Example:
    text: str
    words: int
    long_words: int
    sentences: int
    lix: int
    band: str


EXAMPLES = [
    # 11 words; long: velkomne; 3 sentences. 11/3 + 100*1/11 = 3.67 + 9.09 = 12.76.
    Example("Vi mødes i haven. Alle er velkomne. Tag en ven med!", 11, 1, 3, 13, "meget let"),
    # 19 words; long: Naboerne, fællesspisning, beboerhuset, børnene ("mødtes",
    # "legede", "gården" have six letters); 2 sentences. 19/2 + 100*4/19 = 9.5 + 21.05.
    Example(
        "Naboerne mødtes i går til fællesspisning i beboerhuset. "
        "Der var mad fra mange lande, og børnene legede i gården.",
        19,
        4,
        2,
        31,
        "let",
    ),
    # The same and "bagefter": 20 words, 5 long. 20/2 + 100*5/20 = 10 + 25 = 35, the target.
    Example(
        "Naboerne mødtes i går til fællesspisning i beboerhuset. "
        "Der var mad fra mange lande, og børnene legede i gården bagefter.",
        20,
        5,
        2,
        35,
        "middel",
    ),
    # Abbreviations and numbers: "kl. 15", "bl.a." and "dansk: det" end no sentence;
    # "15" is no word; "bl" and "a" are two. 18 words; long: Lektiecaféen,
    # biblioteket, tirsdag, Frivillige, hjælper, matematik; 2 sentences.
    # 18/2 + 100*6/18 = 9 + 33.33 = 42.33.
    Example(
        "Lektiecaféen på biblioteket åbner kl. 15 hver tirsdag. "
        "Frivillige hjælper bl.a. med matematik og dansk: det er gratis.",
        18,
        6,
        2,
        42,
        "middel",
    ),
    # A title line without a full stop is a sentence; "Ishøj-borgere" is one word
    # of 12 letters. 12 words; long: Vejleåparken, Beboere, Ishøj-borgere,
    # grøntsager, blokkene; 2 sentences. 12/2 + 100*5/12 = 6 + 41.67 = 47.67.
    Example(
        "Grønne fingre i Vejleåparken\n"
        "Beboere og Ishøj-borgere dyrker grøntsager sammen mellem blokkene.",
        12,
        5,
        2,
        48,
        "svær",
    ),
    # Every word long, one sentence: 7/1 + 100*7/7 = 107.
    Example(
        "Kommunalbestyrelsens beslutning vedrørende forvaltningens "
        "organisationsændringer implementeres efterfølgende.",
        7,
        7,
        1,
        107,
        "meget svær",
    ),
    # "?!" is one end; 4 words, none long, 2 sentences: 4/2 + 0 = 2.
    Example("Hvad så?! Kom nu.", 4, 0, 2, 2, "meget let"),
]
