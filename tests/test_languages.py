"""Notes in languages the corpus lacks (pt, it, fr, pl, ru, uk, he, zh, nl), written the way
shows in those languages write them, with invented names: the fields a user reads."""

from __future__ import annotations

from episodeparse import Episode, parse
from episodeparse.extractors.names import caseless_name, caseless_names


def _people(episode: Episode) -> list[tuple[str, str]]:
    return [(p.name, p.role) for p in episode.people]


def _leftovers(episode: Episode) -> list[str]:
    return [left.text for left in episode.leftovers]


PT = """Episódio 42: O futuro das cidades com Ana Souzinha

Neste episódio conversamos com Ana Souzinha, CEO da Cidade Viva, sobre mobilidade.

Convidada: Ana Souzinha (CEO da Cidade Viva)
Apresentação: Rafael Montanha e Beatriz Lacerdina

Publicado em 12 de março de 2024

Capítulos
00:00 - Abertura
02:15 - Quem é Ana
10:40 - Dados abertos nas prefeituras

Siga a Ana no Instagram: https://instagram.com/anasouzinha.urb

Links do episódio
- Relatório de mobilidade: https://cidadeviva.example.org/relatorio

Ouça no Spotify: https://open.spotify.com/show/papourbano
"""


def test_portuguese_notes() -> None:
    episode = parse(PT)
    assert episode.title == "O futuro das cidades"
    assert episode.episode == 42
    assert episode.date == "2024-03-12"
    assert _people(episode) == [
        ("Ana Souzinha", "guest"),
        ("Rafael Montanha", "host"),
        ("Beatriz Lacerdina", "host"),
    ]
    assert episode.people[0].affiliation == "CEO da Cidade Viva"
    assert [c.title for c in episode.chapters] == [
        "Abertura",
        "Quem é Ana",
        "Dados abertos nas prefeituras",
    ]
    instagram = episode.links[0]
    assert (instagram.platform, instagram.kind, instagram.person) == (
        "instagram",
        "social",
        "Ana Souzinha",
    )
    assert episode.links[-1].kind == "listen"


PT_FIND = """#87 - Como investir em 2025

Hoje recebemos Thiago Pratinho, economista e professor da Universidade do Sul, para falar de juros.

Convidado: Thiago Pratinho
Apresentadora: Luiza Nogueirinha

Onde encontrar o Thiago:
Twitter: https://twitter.com/thiagopratinho_eco
"""


def test_portuguese_numbered_title_and_labels() -> None:
    episode = parse(PT_FIND)
    assert episode.title == "Como investir em 2025"
    assert _people(episode) == [("Thiago Pratinho", "guest"), ("Luiza Nogueirinha", "host")]


IT = """Puntata 15 - Il vino naturale con Giulia Ferrantini

Oggi parliamo con Giulia Ferrantini, enologa e fondatrice di Cantina Sassoscuro, di vino.

Ospite: Giulia Ferrantini
Conduce: Marco Bellandini

Andato in onda il 5 maggio 2023

Capitoli
00:00 Introduzione
03:20 Come nasce Cantina Sassoscuro

Segui Giulia su Instagram: https://www.instagram.com/giulia.ferrantini.vino
"""


def test_italian_notes() -> None:
    episode = parse(IT)
    assert episode.title == "Il vino naturale"
    assert episode.episode == 15
    assert episode.date == "2023-05-05"
    assert _people(episode) == [("Giulia Ferrantini", "guest"), ("Marco Bellandini", "host")]
    assert episode.people[0].affiliation == "enologa e fondatrice di Cantina Sassoscuro"
    assert [c.seconds for c in episode.chapters] == [0, 200]
    assert episode.links[0].person == "Giulia Ferrantini"


FR = """Épisode 58 : Réinventer la librairie indépendante, avec Camille Vassonne

Dans cet épisode, nous recevons Camille Vassonne, libraire à Lyon, pour parler du métier.

Invitée : Camille Vassonne
Animé par Julien Marchettoni

Publié le 7 novembre 2023

Chapitres :
00:00 Introduction
03:12 Le parcours de Camille

Retrouvez Camille sur Instagram : https://www.instagram.com/camille.vassonne.livres
"""


def test_french_notes() -> None:
    episode = parse(FR)
    assert episode.title == "Réinventer la librairie indépendante"
    assert episode.episode == 58
    assert episode.date == "2023-11-07"
    assert _people(episode) == [("Camille Vassonne", "guest"), ("Julien Marchettoni", "host")]
    assert [c.title for c in episode.chapters] == ["Introduction", "Le parcours de Camille"]
    assert episode.links[0].person == "Camille Vassonne"


PL = """#58 Bezpieczeństwo w sieci

Dzisiaj naszym gościem jest Łukasz Żakowy, ekspert ds. sieci, który opowiada o phishingu.

Prowadzą: Ewa Ślusarska i Tomasz Gąsiorek

Spis treści:
0:00 Intro
3:45 Phishing w 2024

Nagrano 5 marca 2024
"""


def test_polish_hosts_after_a_plural_verb_label() -> None:
    episode = parse(PL)
    assert episode.episode == 58
    assert episode.date == "2024-03-05"
    assert _people(episode) == [
        ("Łukasz Żakowy", "guest"),
        ("Ewa Ślusarska", "host"),
        ("Tomasz Gąsiorek", "host"),
    ]
    assert "Prowadzą: Ewa Ślusarska i Tomasz Gąsiorek" not in _leftovers(episode)


RU = """Выпуск 14: Про бег и марафоны

Сегодня у нас в гостях Ольга Кузина — тренер по бегу.

Гостья: Ольга Кузина
Ведёт: Сергей Миронович

Таймкоды:
0:00 Привет
4:12 Как Ольга начала бегать

Дата записи: 03.08.2023
"""


def test_russian_notes() -> None:
    episode = parse(RU)
    assert episode.title == "Про бег и марафоны"
    assert episode.episode == 14
    assert episode.date == "2023-08-03"
    assert _people(episode) == [("Ольга Кузина", "guest"), ("Сергей Миронович", "host")]
    assert [c.seconds for c in episode.chapters] == [0, 252]


UK = """Випуск 9: Історія одного села

Сьогодні наш гість — історик Тарас Яцишинський, який розповідає про історію сіл.

Веде: Андрій Шевчишинський

Зміст:
0:00 Привітання
3:15 Звідки взялися назви сіл

Записано 12 квітня 2024
"""


def test_ukrainian_notes() -> None:
    episode = parse(UK)
    assert episode.title == "Історія одного села"
    assert episode.date == "2024-04-12"
    assert _people(episode) == [
        ("Тарас Яцишинський", "guest"),
        ("Андрій Шевчишинський", "host"),
    ]
    assert [c.title for c in episode.chapters] == ["Привітання", "Звідки взялися назви сіл"]


HE = """פרק 45: איך בונים סטארטאפ בריאות

אורחת: נועה ברקוביצקי
מנחים: רוני כהנוב ומאיה פלדמני

פורסם ב-3 במרץ 2024

פרקים:
00:00 פתיחה
02:40 מי היא נועה

עקבו אחרינו באינסטגרם: @kafe_example_podcast
"""


def test_hebrew_names_of_two_words_after_a_label() -> None:
    episode = parse(HE)
    assert episode.title == "איך בונים סטארטאפ בריאות"
    assert episode.episode == 45
    assert episode.date == "2024-03-03"
    assert _people(episode) == [
        ("נועה ברקוביצקי", "guest"),
        ("רוני כהנוב", "host"),
        ("מאיה פלדמני", "host"),
    ]
    assert [c.seconds for c in episode.chapters] == [0, 160]
    assert not [text for text in _leftovers(episode) if ":" in text and "אורחת" in text]


ZH = """第58期：独立咖啡馆的生存之道

本期嘉宾：林晓雾
主持人：陈一白、周可可

时间轴：
00:00 开场
02:35 创业故事

发布于 2024年3月15日
"""


def test_chinese_notes_with_a_list_of_hosts() -> None:
    episode = parse(ZH)
    assert episode.title == "独立咖啡馆的生存之道"
    assert episode.episode == 58
    assert episode.date == "2024-03-15"
    assert _people(episode) == [("林晓雾", "guest"), ("陈一白", "host"), ("周可可", "host")]
    assert [c.title for c in episode.chapters] == ["开场", "创业故事"]
    assert "主持人：陈一白、周可可" not in _leftovers(episode)


NL = """Aflevering 19: Duurzaam bouwen met Sanne de Wildeman

In deze aflevering spreken we met Sanne de Wildeman, architect bij Studio Groenhoutje, over hout.

Gast: Sanne de Wildeman
Presentatie: Bram Verhoevenaar

Gepubliceerd op 4 april 2024

Volg Sanne op LinkedIn: https://www.linkedin.com/in/sannedewildeman-arch
"""


def test_dutch_notes() -> None:
    episode = parse(NL)
    assert episode.title == "Duurzaam bouwen"
    assert episode.date == "2024-04-04"
    assert _people(episode) == [("Sanne de Wildeman", "guest"), ("Bram Verhoevenaar", "host")]
    assert episode.people[0].affiliation == "architect bij Studio Groenhoutje"
    assert episode.links[0].person == "Sanne de Wildeman"


def test_a_name_in_a_script_with_blanks_and_without_capitals_is_up_to_three_words() -> None:
    assert caseless_name("נועה ברקוביצקי") == ("נועה ברקוביצקי", 14)
    assert caseless_name("נועה ברקוביצקי, מייסדת") == ("נועה ברקוביצקי", 14)
    # More words before a stop: where the name ends is not known, its first word is kept.
    assert caseless_name("דניאל לשיחה על קפה ישראלי") == ("דניאל", 5)


def test_a_list_of_caseless_names() -> None:
    assert caseless_names("陈一白、周可可") == (["陈一白", "周可可"], 7)
    assert caseless_names("王子白和张小三") == (["王子白", "张小三"], 7)
    assert caseless_names("רוני כהנוב ומאיה פלדמני") == (["רוני כהנוב", "מאיה פלדמני"], 23)
    assert caseless_names("רוני כהנוב, מאיה פלדמני") == (["רוני כהנוב", "מאיה פלדמני"], 23)
    assert caseless_names("张和平") == (["张和平"], 3)  # a join inside a short name is not one
    assert caseless_names("Ann Lee") is None


def test_a_job_in_parentheses_after_a_labelled_name_is_the_affiliation() -> None:
    notes = {
        "Ospite: Giulia Ferrantini (enologa, Cantina Sassoscuro)": "enologa, Cantina Sassoscuro",
        "Gość: Agnieszka Wróbelska (założycielka agencji Kreseczka)": (
            "założycielka agencji Kreseczka"
        ),
        "Гость: Дмитрий Соколовский (руководитель исследований, «Нейроникс»)": (
            "руководитель исследований, «Нейроникс»"
        ),
        "Invitée : Camille Vassonne (fondatrice de La Page Bleue)": "fondatrice de La Page Bleue",
        "Guest: Ann Example (founder of Acme Example)": "founder of Acme Example",
        "本期嘉宾：林晓雾（「山雾咖啡」创始人）": "「山雾咖啡」创始人",
    }
    for line, job in notes.items():
        episode = parse(f"Episode 4: A Title Here\n\n{line}\n\nSome words about it.")
        assert [p.affiliation for p in episode.people] == [job], line
        assert _leftovers(episode) == [], line


def test_an_aside_that_states_no_job_stays_a_leftover() -> None:
    for aside in ("she/her", "Twitter: @annexample", "returning guest"):
        episode = parse(f"Episode 4: A Title Here\n\nGuest: Ann Example ({aside})\n\nWords.")
        assert [p.affiliation for p in episode.people] == [None], aside
        assert aside in _leftovers(episode), aside


def test_a_name_inflected_after_a_preposition_is_the_person_named_elsewhere() -> None:
    notes = {
        "W tym odcinku rozmawiam z Agnieszką Wróbelską o marce.\n\n"
        "Gość: Agnieszka Wróbelska": "Agnieszka Wróbelska",
        "Dziś rozmawiamy z Łukaszem Żakowiakiem o sieci.\n\nGość: Łukasz Żakowiak": (
            "Łukasz Żakowiak"
        ),
        "Сегодня беседуем с Дмитрием Соколовским о моделях.\n\nГость: Дмитрий Соколовский": (
            "Дмитрий Соколовский"
        ),
        "Сьогодні розмовляємо з Олександрою Ткачуківною.\n\nГість: Олександра Ткачуківна": (
            "Олександра Ткачуківна"
        ),
    }
    for text, name in notes.items():
        episode = parse(f"Odcinek 4: Tytuł odcinka\n\n{text}\n")
        assert _people(episode) == [(name, "guest")], text


def test_more_role_labels() -> None:
    notes = {
        "В гостях: Иван Сидоровский": [("Иван Сидоровский", "guest")],
        "У гостях: Іван Сидоренківський": [("Іван Сидоренківський", "guest")],
        "Te gast: Piet Janssenaar": [("Piet Janssenaar", "guest")],
        "Conducen: Ana Lopesita y Rui Diazito": [("Ana Lopesita", "host"), ("Rui Diazito", "host")],
    }
    for line, people in notes.items():
        episode = parse(f"Episode 4: A Title Here\n\n{line}\n\nSome words about it.")
        assert _people(episode) == people, line
        assert _leftovers(episode) == [], line


def test_chinese_people_under_bracketed_headings_with_their_jobs() -> None:
    episode = parse("第4期：测试\n\n【本期嘉宾】\n王子白，某公司创始人\n\n【主播】\n李小雪\n")
    assert _people(episode) == [("王子白", "guest"), ("李小雪", "host")]
    assert episode.people[0].affiliation == "某公司创始人"
    episode = parse("第4期 测试标题\n\n嘉宾：张小三（作家）\n")
    assert [p.affiliation for p in episode.people] == ["作家"]


def test_guest_introductions_in_prose() -> None:
    notes = {
        "O convidado de hoje é Caio Pradinho, jornalista.": "Caio Pradinho",
        "In questa puntata Marco Bellinetti intervista Ana Lopesina.": "Ana Lopesina",
        "Notre invitée cette semaine : Ana Lopesine, chercheuse.": "Ana Lopesine",
        "Cette semaine, Hugo reçoit Nadia Benalise pour parler du sommeil.": "Nadia Benalise",
        "האורח שלנו הוא דניאל כהנוב, חוקר בטכניון.": "דניאל כהנוב",
        "本期我们邀请到了林晓雾，聊聊咖啡。": "林晓雾",
    }
    for line, guest in notes.items():
        episode = parse(f"Episode 4: A Title Here\n\n{line}\n")
        assert _people(episode) == [(guest, "guest")], line


def test_a_run_of_chinese_characters_after_a_prose_cue_is_not_read_as_a_long_name() -> None:
    episode = parse("第4期：测试\n\n这一期我们邀请到林晓雾来聊聊咖啡。\n")
    assert _people(episode) == []
    assert caseless_name("林晓雾来聊聊咖啡", in_prose=True) is None
    assert caseless_name("林晓雾来聊聊咖啡") == ("林晓雾来聊聊咖啡", 8)


def test_chapter_and_link_headings_are_headings_not_leftovers() -> None:
    chapters = (
        "Marcações de tempo:",
        "Sumário:",
        "Тайминги:",
        "Таймінги:",
        "Timestampy:",
        "Timecodes :",
        "Chapitrage :",
        "זמנים:",
        "本期时间轴：",
        "Tijdlijn:",
    )
    for heading in chapters:
        notes = f"Episode 4: A Title Here\n\nSome words.\n\n{heading}\n00:00 Intro\n05:10 Tema\n"
        episode = parse(notes)
        assert len(episode.chapters) == 2, heading
        assert _leftovers(episode) == [], heading
    links = (
        "Links mencionados:",
        "Liens mentionnés :",
        "Link citati:",
        "Linki z odcinka:",
        "Упомянутое в выпуске:",
        "Згадані у випуску:",
        "קישורים מהפרק:",
        "参考资料：",
        "Genoemd in deze aflevering:",
    )
    for heading in links:
        notes = f"Episode 4: A Title Here\n\nSome words.\n\n{heading}\n- https://example.org/a\n"
        episode = parse(notes)
        assert [link.section for link in episode.links] == [heading.rstrip(" :：")], heading


def test_date_labels() -> None:
    dates = {
        "Nagrane: 5 marca 2024": "2024-03-05",
        "Data wydania: 5 marca 2024": "2024-03-05",
        "Registrata il 14 ottobre 2024": "2024-10-14",
        "Pubblicata il 14 ottobre 2024": "2024-10-14",
        "Дата выхода: 14 февраля 2024": "2024-02-14",
        "Дата виходу: 9 жовтня 2023": "2023-10-09",
        "录制时间：2023年11月2日": "2023-11-02",
        "上线时间：2023年11月2日": "2023-11-02",
    }
    for line, iso in dates.items():
        episode = parse(f"Episode 4: A Title Here\n\nSome words about it.\n\n{line}\n")
        assert episode.date == iso, line
        assert _leftovers(episode) == [], line


def test_bare_addresses_under_national_domains() -> None:
    lines = {
        "Use o cupom X20 em nuvemclara-exemplo.com.br": "nuvemclara-exemplo.com.br",
        "Usa il codice VINO15 su enoteca-esempio.it": "enoteca-esempio.it",
        "Промокод ROMA на romashka-primer.ru": "romashka-primer.ru",
        "Kod ZESZYT10 na zeszyt-przyklad.pl/sklep": "zeszyt-przyklad.pl/sklep",
        "Código X en tienda-ejemplo.es": "tienda-ejemplo.es",
        "Промокод на kurs-pryklad.com.ua": "kurs-pryklad.com.ua",
        "קוד הנחה באתר anan-example.co.il": "anan-example.co.il",
    }
    for line, url in lines.items():
        episode = parse(f"Episode 4: A Title Here\n\n{line}\n")
        assert [link.url for link in episode.links] == [url], line


def test_a_second_job_in_an_aside_is_kept_over_without_its_parenthesis() -> None:
    notes = (
        "Episode 4: A Title Here\n\n"
        "Oggi parliamo con Giulia Ferrantini, enologa e fondatrice di Cantina Sassoscuro.\n\n"
        "Ospite: Giulia Ferrantini (enologa, Cantina Sassoscuro)\n"
    )
    episode = parse(notes)
    assert [p.affiliation for p in episode.people] == ["enologa e fondatrice di Cantina Sassoscuro"]
    assert _leftovers(episode) == ["enologa, Cantina Sassoscuro"]


def test_a_follow_link_names_its_person_in_an_inflected_form() -> None:
    notes = {
        "Gość: Agnieszka Wróbelska\n\nObserwuj Agnieszkę na LinkedInie: "
        "https://www.linkedin.com/in/agnieszka-example": "Agnieszka Wróbelska",
        "Гість: Олександра Ткачуківна\n\nСлідкуйте за Олександрою в LinkedIn: "
        "https://www.linkedin.com/in/oleksandra-example": "Олександра Ткачуківна",
        "Гость: Дмитрий Соколовский\n\nСледите за Дмитрием в Telegram: "
        "https://t.me/dmitry_example": "Дмитрий Соколовский",
    }
    for text, person in notes.items():
        episode = parse(f"Episode 4: A Title Here\n\n{text}\n")
        assert [link.person for link in episode.links] == [person], text


def test_a_numeric_date_is_day_first_where_the_label_or_the_notes_are() -> None:
    def date_of(notes: str) -> str | None:
        return parse(notes).date

    # A label in a day-first language: the day comes first.
    assert date_of("Título\n\nGravado em 03/02/2025\n\nFalamos de cidades.") == "2025-02-03"
    assert date_of("Titolo\n\nRegistrato il 03/02/2025\n\nParliamo di vino.") == "2025-02-03"
    assert date_of("Tytuł\n\nNagrano 03/02/2025\n\nRozmawiamy o sieci.") == "2025-02-03"
    assert date_of("Выпуск\n\nЗаписано 03/02/2025\n\nГоворим о беге.") == "2025-02-03"
    # 'Date' is English and French: the notes' language decides.
    french = (
        "Titre\n\nDate : 03/02/2025\n\n"
        "Dans cet épisode, nous parlons avec une libraire de la ville et des livres."
    )
    assert date_of(french) == "2025-02-03"
    english = (
        "Title\n\nDate: 03/02/2025\n\n"
        "In this episode we talk with a bookseller about the city and its books."
    )
    assert date_of(english) == "2025-03-02"
    # An English label in English notes: month first, as before.
    assert date_of("Title\n\nRecorded on 03/02/2025\n\nWe talk about the city.") == "2025-03-02"
    # A date no order makes ambiguous is read either way.
    assert date_of("Título\n\nGravado em 25/02/2025\n\nFalamos de cidades.") == "2025-02-25"
    assert date_of("Title\n\nRecorded on 02/25/2025\n\nWe talk about the city.") == "2025-02-25"


PLATFORMS_RU = """Выпуск 14: Про бег

Гость: Дмитрий Соколов

Телеграм Дмитрия: https://t.me/dsokolov_run
Ютуб: https://youtu.be/probeg
"""

PLATFORMS_PL = """#12 Bezpieczeństwo

Gość: Agnieszka Wróblewska

Agnieszka na Instagramie: @agawro.sec
"""


def test_platform_names_written_in_the_language() -> None:
    episode = parse(PLATFORMS_RU)
    telegram, youtube = episode.links
    assert (telegram.platform, telegram.kind, telegram.person) == (
        "telegram",
        "social",
        "Дмитрий Соколов",
    )
    assert (youtube.platform, youtube.person) == ("youtube", None)  # 'Ютуб' is no one
    assert [p.name for p in episode.people] == ["Дмитрий Соколов"]
    (instagram,) = parse(PLATFORMS_PL).links
    assert (instagram.platform, instagram.kind, instagram.person) == (
        "instagram",
        "social",
        "Agnieszka Wróblewska",
    )
    he = parse("פרק 3: שעונים\n\nאורח: דני לוי\n\nדני באינסטגרם: @dani.levi\n").links[0]
    assert (he.platform, he.person) == ("instagram", "דני לוי")


def test_a_guest_a_title_ends_with_is_named_as_the_notes_name_them() -> None:
    cases = {
        "Выпуск 14: Про бег — с Дмитрием Соколовым\n\nГость: Дмитрий Соколов\n\nГоворим.\n": (
            "Про бег",
            "Дмитрий Соколов",
        ),
        "#58 Bezpieczeństwo w sieci z Łukaszem Żakiem\n\nGość: Łukasz Żak\n\nRozmowa.\n": (
            "Bezpieczeństwo w sieci",
            "Łukasz Żak",
        ),
        "Випуск 9: Історія села — з Олександрою Коваль\n\nГість: Олександра Коваль\n\nТак.\n": (
            "Історія села",
            "Олександра Коваль",
        ),
        "פרק 45: איך בונים סטארטאפ - עם דני לוי\n\nאורח: דני לוי\n\nמדברים על סטארטאפים.\n": (
            "איך בונים סטארטאפ",
            "דני לוי",
        ),
        "Episódio 42: O futuro das cidades (com Ana Souzinha)\n\nConvidada: Ana Souzinha\n": (
            "O futuro das cidades",
            "Ana Souzinha",
        ),
    }
    for notes, (title, guest) in cases.items():
        episode = parse(notes)
        assert episode.title == title, notes
        assert _people(episode) == [(guest, "guest")], notes
        assert _leftovers(episode) == [], notes


def test_a_year_word_after_a_date_is_part_of_it() -> None:
    dates = {
        "Дата выхода: 14 февраля 2024 г.": "2024-02-14",
        "Записано 14 февраля 2024 года": "2024-02-14",
        "Data publikacji: 5 marca 2024 roku": "2024-03-05",
        "Nagrano 5 marca 2024 r.": "2024-03-05",
        "Опубліковано 9 жовтня 2023 р.": "2023-10-09",
        "Дата виходу: 9 жовтня 2023 року": "2023-10-09",
    }
    for line, iso in dates.items():
        episode = parse(f"Episode 4: A Title Here\n\nSome words about it.\n\n{line}\n")
        assert episode.date == iso, line
        assert _leftovers(episode) == [], line
        assert line not in (episode.summary or ""), line


def test_guest_labels_and_intros_in_more_wordings() -> None:
    fr = parse(
        "Épisode 12 – Le vélo en ville\n\nInvité·e·s : Claire Dubrelle et Marc Lefavier\n\n"
        "Animé par Julie Martinel\n"
    )
    assert ("Claire Dubrelle", "guest") in _people(fr)
    assert ("Marc Lefavier", "guest") in _people(fr)
    ru = parse(
        "Про бег #27\n\nВ этом выпуске мы поговорили с Дмитрием Соколовым о марафоне.\n\n"
        "Гость: Дмитрий Соколов\n"
    )
    assert _people(ru) == [("Дмитрий Соколов", "guest")]
