"""The demo in Arabic, Turkish, Urdu and English: the front page's texts and
sections, four stories and two events, written for the demo from the same
facts as the Danish texts (demo.site, demo.stories). Every other page shows
the Danish original inside the reader's chrome, as on the real site.

Idempotent: a translation is made with Wagtail's own copy (the "Oversæt"
action) the first time and its texts are set again only when they differ.
"""

from wagtail.actions.copy_for_translation import CopyPageForTranslationAction
from wagtail.models import Locale
from wagtail.rich_text import RichText

from home.language_roots import ensure_locales, ensure_translated_roots
from home.models import HomePage
from stories.models import EventPage, StoryPage

LANGUAGES = ("ar", "tr", "ur", "en")

HOME = {
    "ar": {
        "title": "Vores Ishøj – إيشوي مدينتنا",
        "intro": "أهلًا بك في Vores Ishøj، مكان القصص الجميلة عن الناس الذين يعيشون هنا. "
        "هنا تلتقي بالجيران والمتطوعين والجمعيات الذين يلتقون عبر العمر والثقافة والحي "
        "ويصنعون معًا الخير المشترك لإيشوي.",
    },
    "tr": {
        "title": "Vores Ishøj – Bizim Ishøj",
        "intro": "Vores Ishøj'e hoş geldiniz: burada yaşayan insanların güzel hikâyelerinin "
        "yeri. Burada yaş, kültür ve mahalle farkı gözetmeden buluşan ve birlikte Ishøj için "
        "ortak iyiliği yaratan komşular, gönüllüler ve derneklerle tanışırsınız.",
    },
    "ur": {
        "title": "Vores Ishøj – ہمارا ایشوئے",
        "intro": "Vores Ishøj میں خوش آمدید، یہاں رہنے والے لوگوں کی اچھی کہانیوں کی جگہ۔ "
        "یہاں آپ ان پڑوسیوں، رضاکاروں اور انجمنوں سے ملتے ہیں جو عمر، ثقافت اور محلے سے "
        "بالاتر ہو کر ملتے ہیں اور مل کر ایشوئے کی بھلائی کرتے ہیں۔",
    },
    "en": {
        "title": "Vores Ishøj – Our Ishøj",
        "intro": "Welcome to Vores Ishøj, the place for the good stories about the people who "
        "live here. Meet neighbours, volunteers and associations who come together across "
        "age, culture and neighbourhood and build what is good for all of Ishøj.",
    },
}

SECTIONS = {
    "historier": {"ar": "قصص", "tr": "Hikâyeler", "ur": "کہانیاں", "en": "Stories"},
    "det-sker": {
        "ar": "ماذا يحدث",
        "tr": "Neler oluyor",
        "ur": "کیا ہو رہا ہے",
        "en": "What's on",
    },
    "grupper": {"ar": "المجموعات", "tr": "Gruplar", "ur": "گروپ", "en": "Groups"},
    "kort": {"ar": "الخريطة", "tr": "Harita", "ur": "نقشہ", "en": "Map"},
}

# The sections' own texts, from the Danish demo's (demo.site, demo.stories,
# demo.locations); a text left out would stay Danish inside another language.
SECTION_TEXTS = {
    "historier": {
        "intro": {
            "ar": "حكايات من كل إيشوي: من الشاطئ وبريديكيرغورد إلى الأحياء ووسط المدينة.",
            "tr": "Ishøj'ün her yerinden hikâyeler: sahilden ve Bredekærgård'dan "
            "mahallelere ve şehir merkezine.",
            "ur": "پورے ایشوئے سے کہانیاں: ساحل اور بریڈےکیرگورڈ سے محلوں اور شہر کے مرکز تک۔",
            "en": "Stories from all over Ishøj: from the beach and Bredekærgård to the "
            "neighbourhoods and the town centre.",
        },
    },
    "det-sker": {
        "intro": {
            "ar": "مقهى ونار مخيم وسوق تبادل وأيام زراعة: ماذا يحدث في إيشوي اليوم وفي عطلة "
            "نهاية الأسبوع والشهر القادم.",
            "tr": "Kafe, kamp ateşi, takas pazarı ve ekim günleri: Ishøj'de bugün, hafta sonu "
            "ve önümüzdeki ay neler oluyor.",
            "ur": "کیفے، الاؤ، تبادلہ بازار اور پودے لگانے کے دن: ایشوئے میں آج، ہفتے کے آخر "
            "اور اگلے مہینے کیا ہو رہا ہے۔",
            "en": "Café, campfire, swap market and planting days: what is on in Ishøj today, "
            "this weekend and the next month.",
        },
    },
    "grupper": {
        "intro": {
            "ar": "مجموعات من السكان يلتقون حول ما يحبونه. انضم أو مدّ يد العون مرة واحدة.",
            "tr": "Sevdikleri şey etrafında buluşan sakin grupları. Katılın ya da bir kez "
            "yardım edin.",
            "ur": "رہائشیوں کے گروپ جو اپنی پسند کی چیز کے گرد ملتے ہیں۔ شامل ہوں یا ایک بار "
            "ہاتھ بٹائیں۔",
            "en": "Groups of residents who meet around what they care about. Join one, or "
            "lend a hand once.",
        },
        "volunteer_intro": {
            "ar": "سجّل اسمك، وستسألك المجموعات عندما تحتاج إلى مساعدة.",
            "tr": "Adınızı yazdırın, gruplar yardım lazım olduğunda size sorsun.",
            "ur": "اپنا نام لکھوائیں، جب مدد کی ضرورت ہو تو گروپ آپ سے پوچھیں گے۔",
            "en": "Sign up, and the groups will ask you when a hand is needed.",
        },
    },
    "kort": {
        "intro": {
            "ar": "أماكن اللقاء في إيشوي: دور الثقافة والملاعب والحدائق والشاطئ.",
            "tr": "Ishøj'ün buluşma yerleri: kültür evleri, oyun alanları, bahçeler ve sahil.",
            "ur": "ایشوئے میں ملنے کی جگہیں: ثقافتی مراکز، کھیل کے میدان، باغ اور ساحل۔",
            "en": "Where Ishøj meets: culture houses, playgrounds, gardens and the beach.",
        },
    },
}

STORIES = {
    "cafe-solstraalen": {
        "ar": (
            "مقهى سولستروولن: لم يعد يوم الثلاثاء يومًا وحيدًا",
            "كل يوم ثلاثاء يفتح مقهى سولستروولن أبوابه لكبار السن الذين يفتقدون من يتحدثون "
            "إليه. وراء المقهى جمعية كبار السن وجمعية الإسكان AAB والرعاية المنزلية في البلدية "
            "ومجموعة من المتطوعين، وطهاة شباب من بيله مولّه.",
            [
                "يلتقي الضيوف على القهوة والكعك وحديث طيب في دار الثقافة AAB.",
                "الجميع مرحَّب بهم: تعال وحدك أو اصطحب جارك.",
            ],
        ),
        "tr": (
            "Café Solstrålen: Salı artık yalnız bir gün değil",
            "Café Solstrålen her salı, konuşacak birini özleyen yaşlılar için kapılarını açıyor. "
            "Kafenin arkasında Ældresagen, AAB, belediyenin evde bakım hizmeti, bir grup gönüllü "
            "ve Pile Mølle'den genç aşçılar var.",
            [
                "Konuklar Kulturhuset AAB'de kahve, kek ve güzel bir sohbet için buluşuyor.",
                "Herkes davetli: yalnız gelin ya da komşunuzu da getirin.",
            ],
        ),
        "ur": (
            "کیفے سولسٹرولن: منگل اب تنہائی کا دن نہیں",
            "ہر منگل کو کیفے سولسٹرولن ان بزرگوں کے لیے کھلتا ہے جنہیں بات کرنے کے لیے کسی کی "
            "کمی محسوس ہوتی ہے۔ اس کے پیچھے بزرگوں کی تنظیم، AAB، بلدیہ کی گھریلو نگہداشت، "
            "رضاکار اور پیلے مولے کے نوجوان باورچی ہیں۔",
            [
                "مہمان کلچر ہاؤس AAB میں کافی، کیک اور اچھی گپ شپ کے لیے ملتے ہیں۔",
                "سب خوش آمدید ہیں: اکیلے آئیں یا پڑوسی کو ساتھ لائیں۔",
            ],
        ),
        "en": (
            "Café Solstrålen: Tuesday is no longer a lonely day",
            "Every Tuesday Café Solstrålen opens for older residents who miss someone to talk "
            "to. Behind the café are Ældresagen, the housing association AAB, the council's home "
            "care, a group of volunteers – and young chefs from Pile Mølle.",
            [
                "Guests meet for coffee, cake and a good chat at Kulturhuset AAB.",
                "Everyone is welcome: come on your own or bring your neighbour.",
            ],
        ),
    },
    "mad-med-historie-linsesuppe": {
        "ar": (
            "طعام له حكاية: الشوربة التي انتقلت معنا إلى إيشوي",
            "بعض الوصفات أكثر من مجرد طعام. في «طعام له حكاية» يشارك سكان إيشوي وصفاتهم والحكاية "
            "وراءها. أول مساهمة شوربة عدس حمراء رافقت عائلة عبر ثلاثة أجيال.",
            [
                "تعلّمت أم من فيلياوباركن الشوربة من أمها، التي تعلّمتها من أمها.",
                "واليوم يطلبها أطفالها عندما يكون الجو باردًا في الخارج.",
            ],
        ),
        "tr": (
            "Hikâyesi olan yemek: Ishøj'e taşınan çorba",
            "Bazı tarifler yemekten fazlasıdır. Hikâyesi olan yemek'te Ishøj sakinleri tariflerini "
            "ve arkalarındaki hikâyeyi paylaşıyor. İlk katkı, bir aileye üç kuşak boyunca eşlik "
            "etmiş kırmızı mercimek çorbası.",
            [
                "Vejleåparken'den bir anne çorbayı annesinden, annesi de kendi annesinden öğrendi.",
                "Bugün dışarısı soğuk olduğunda çocukları bu çorbayı istiyor.",
            ],
        ),
        "ur": (
            "کہانی والا کھانا: وہ سوپ جو ایشوئے ساتھ آیا",
            "کچھ ترکیبیں کھانے سے بڑھ کر ہوتی ہیں۔ «کہانی والا کھانا» میں ایشوئے کے رہنے والے اپنی "
            "ترکیبیں اور ان کے پیچھے کی کہانی بانٹتے ہیں۔ پہلا حصہ سرخ مسور کی دال کا سوپ ہے جو "
            "ایک خاندان کے ساتھ تین نسلوں سے ہے۔",
            [
                "ویلےاوپارکن کی ایک ماں نے یہ سوپ اپنی ماں سے سیکھا، اور انہوں نے اپنی ماں سے۔",
                "آج جب باہر سردی ہو تو اس کے بچے یہی سوپ مانگتے ہیں۔",
            ],
        ),
        "en": (
            "Food with a story: the soup that moved to Ishøj",
            "Some recipes are more than food. In Food with a story, residents of Ishøj share "
            "their recipes and the story behind them. The first is a red lentil soup that has "
            "followed a family through three generations.",
            [
                "A mother in Vejleåparken learnt the soup from her mother, "
                "who learnt it from hers.",
                "Today her own children ask for it when it is cold outside.",
            ],
        ),
    },
    "cykling-uden-alder": {
        "ar": (
            "ركوب الدراجة بلا عمر: الريح في الشعر من جديد",
            "يأخذ راكبو دراجات متطوعون كبارَ السن الذين لم يعودوا قادرين على قيادة الدراجة "
            "بأنفسهم في جولات على دراجة الريكشا. وفي إيشوي انضم أيضًا طلاب من CPH West.",
            [
                "الجولات مجانية وتنطلق من دور الرعاية في إيشوي.",
                "يمكن لكل من يحب ركوب الدراجة أن يصبح سائقًا متطوعًا.",
            ],
        ),
        "tr": (
            "Yaşsız bisiklet: Saçlarda yine rüzgâr",
            "Gönüllü bisikletçiler, artık kendi başına bisiklete binemeyen yaşlıları çekçek "
            "bisikletle gezmeye götürüyor. Ishøj'de CPH West öğrencileri de pedal çeviriyor.",
            [
                "Geziler ücretsiz ve Ishøj'deki bakımevlerinden başlıyor.",
                "Bisiklet sürmeyi seven herkes gönüllü sürücü olabilir.",
            ],
        ),
        "ur": (
            "عمر سے آزاد سائیکلنگ: بالوں میں پھر سے ہوا",
            "رضاکار سائیکل سوار ان بزرگوں کو رکشہ میں سیر کراتے ہیں جو اب خود سائیکل نہیں چلا "
            "سکتے۔ ایشوئے میں CPH West کے طلبہ بھی پیڈل چلا رہے ہیں۔",
            [
                "سیر مفت ہے اور ایشوئے کے نگہداشت گھروں سے شروع ہوتی ہے۔",
                "جو بھی سائیکل چلانا پسند کرتا ہے رضاکار ڈرائیور بن سکتا ہے۔",
            ],
        ),
        "en": (
            "Cycling without age: wind in the hair again",
            "Volunteer cyclists take older residents who can no longer cycle themselves out "
            "for rides in a rickshaw. In Ishøj, students from CPH West have joined them.",
            [
                "The rides are free and start from the care homes in Ishøj.",
                "Anyone who likes to cycle can become a volunteer pilot.",
            ],
        ),
    },
    "en-hilsen-fra-din-nabo": {
        "ar": (
            "تحية من جارك",
            "هدايا صغيرة فيها بسكويت وبطاقة مكتوب عليها «تحية من جارك». هكذا تريد Vores Ishøj "
            "أن تسلّط الضوء على حسن الجوار قبل اجتماع المواطنين عن الجيرة في نوفمبر.",
            ["ضع الهدية عند باب جار لم تتحدث معه من قبل.", "تحية صغيرة قد تكون بداية صداقة جديدة."],
        ),
        "tr": (
            "Komşunuzdan bir selam",
            "Kurabiye ve üzerinde «Komşunuzdan bir selam» yazan bir kart içeren küçük hediyeler. "
            "Vores Ishøj, kasımdaki komşuluk konulu vatandaş toplantısı öncesinde iyi komşuluğa "
            "böyle dikkat çekmek istiyor.",
            [
                "Hediyeyi daha önce hiç konuşmadığınız bir komşunun kapısına bırakın.",
                "Küçük bir selam yeni bir dostluğun başlangıcı olabilir.",
            ],
        ),
        "ur": (
            "آپ کے پڑوسی کی طرف سے سلام",
            "بسکٹ اور ایک کارڈ کے ساتھ چھوٹے تحفے جس پر لکھا ہے «آپ کے پڑوسی کی طرف سے سلام»۔ "
            "اس طرح Vores Ishøj نومبر میں پڑوس کے بارے میں شہریوں کے اجلاس سے پہلے اچھی ہمسائیگی "
            "کو اجاگر کرنا چاہتا ہے۔",
            [
                "تحفہ کسی ایسے پڑوسی کے دروازے پر رکھیں جس سے آپ نے کبھی بات نہیں کی۔",
                "ایک چھوٹا سا سلام نئی دوستی کی شروعات ہو سکتا ہے۔",
            ],
        ),
        "en": (
            "A greeting from your neighbour",
            "Small gifts of biscuits and a card that says “A greeting from your neighbour”. This "
            "is how Vores Ishøj wants to put good neighbourliness in focus before the citizens' "
            "meeting on neighbourliness in November.",
            [
                "Leave the gift at the door of a neighbour you have never talked to.",
                "A small greeting can be the start of a new friendship.",
            ],
        ),
    },
}

EVENTS = {
    "cafe-solstraalen": {
        "ar": (
            "مقهى سولستروولن",
            "كل يوم ثلاثاء يلتقي كبار السن على القهوة والكعك وحديث طيب "
            "في دار الثقافة AAB. الجميع مرحَّب بهم – تعال وحدك أو اصطحب جارك.",
        ),
        "tr": (
            "Café Solstrålen",
            "Her salı yaşlılar Kulturhuset AAB'de kahve, kek ve güzel bir "
            "sohbet için buluşuyor. Herkes davetli – yalnız gelin ya da komşunuzu getirin.",
        ),
        "ur": (
            "کیفے سولسٹرولن",
            "ہر منگل کو بزرگ کلچر ہاؤس AAB میں کافی، کیک اور اچھی گپ شپ کے "
            "لیے ملتے ہیں۔ سب خوش آمدید ہیں – اکیلے آئیں یا پڑوسی کو ساتھ لائیں۔",
        ),
        "en": (
            "Café Solstrålen",
            "Every Tuesday older residents meet for coffee, cake and a good "
            "chat at Kulturhuset AAB. Everyone is welcome – come alone or bring your neighbour.",
        ),
    },
    "smag-paa-verden": {
        "ar": (
            "تذوّق العالم",
            "مهرجان ثقافي كبير في بريديكيرغورد نلتقي فيه ونقدّم ثقافاتنا "
            "المختلفة من خلال الطعام والموسيقى والرقص.",
        ),
        "tr": (
            "Dünyanın tadına bakın",
            "Bredekærgård'da buluştuğumuz ve farklı kültürlerimizi "
            "yemek, müzik ve dansla tanıttığımız büyük kültür festivali.",
        ),
        "ur": (
            "دنیا کا ذائقہ",
            "بریڈےکیرگورڈ میں بڑا ثقافتی میلہ جہاں ہم ملتے ہیں اور کھانے، "
            "موسیقی اور رقص کے ذریعے اپنی مختلف ثقافتیں پیش کرتے ہیں۔",
        ),
        "en": (
            "Taste the world",
            "A big culture festival at Bredekærgård where we meet and share "
            "our different cultures through food, music and dance.",
        ),
    },
}


def _translation(page, code: str):
    locale = Locale.objects.get(language_code=code)
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific, False
    action = CopyPageForTranslationAction(page=page, locale=locale)
    # A translation starts without channel choices and posts nowhere
    # (channels.models.settings.enabled_by_default): the Danish stories' posts and
    # their reach history are the demo's channels; an editor turns a translation's
    # channels on in its "Kanaler" tab.
    copy = action.execute(skip_permission_checks=True).specific
    return copy, True


def _set(page, values: dict, made: bool) -> bool:
    changed = made or not page.live
    for name, value in values.items():
        if getattr(page, name) != value:
            setattr(page, name, value)
            changed = True
    if changed:
        page.save_revision().publish()
    return changed


def _body(paragraphs: list[str]) -> list:
    return [("paragraph", RichText("".join(f"<p>{text}</p>" for text in paragraphs)))]


def load(stdout) -> None:
    ensure_locales()
    ensure_translated_roots()
    home = HomePage.objects.get(locale=Locale.get_default())
    changed = 0
    for code in LANGUAGES:
        page, made = _translation(home, code)
        changed += _set(page, HOME[code], made)
        for section in home.get_children().specific():
            if section.slug in SECTIONS:
                page, made = _translation(section, code)
                values = {"title": SECTIONS[section.slug][code]}
                for field, texts in SECTION_TEXTS.get(section.slug, {}).items():
                    values[field] = texts[code]
                changed += _set(page.specific, values, made)
        for slug, texts in STORIES.items():
            story = StoryPage.objects.filter(slug=slug, locale=home.locale).first()
            if story is None:
                continue
            title, intro, paragraphs = texts[code]
            page, made = _translation(story, code)
            if made:  # the body is the translator's from then on
                page.body = _body(paragraphs)
            changed += _set(page, {"title": title, "intro": intro}, made)
        for slug, texts in EVENTS.items():
            event = EventPage.objects.filter(slug=slug, locale=home.locale).first()
            if event is None:
                continue
            title, intro = texts[code]
            page, made = _translation(event, code)
            changed += _set(page, {"title": title, "intro": intro}, made)
    stdout.write(f"Oversættelser (ar, tr, ur, en): {changed} sider oprettet eller opdateret.")
