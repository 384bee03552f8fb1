"""People named in a role in the body of the notes (the header adds its own first).

Contract: adds ``PersonDraft`` entries to the context; returns nothing. Read::

    Oscar Lind talks with Ivar Lunde, a software engineer at AWS, ...   host, guest
    Warren Fitzhugh interviews Tobias Renner and Luca Marchetti           host, guests
    Tim, Sean and Allen discuss ...                                       hosts (three or more)
    Nico Hartley and Dr. Ned Halvorsen discuss ...                        host, guest
    Kees van der Berg and Emre Kaya from Prosus join Leontios          guests, host
    Host: Hal Whitmore   Hosts: [A](..), [B](..)   Guest: NAME            by label
    ## Your hosts  /  Connect with the hosts  (then one name per item)    by heading
    joined by NAME, with special guest NAME, featuring NAME               guest
    Owen Castellan is CEO and Founder of Kestrel Pay, a service ...      guest + affiliation
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from episodeparse import cues, recache
from episodeparse.document import Segment
from episodeparse.extractors import _LIST_JOIN, Context, name_before, names_at, read_name
from episodeparse.extractors.names import (
    LineWords,
    Phrases,
    caseless_name,
    caseless_names,
    governs_case,
    honorific_participants,
    uninflected,
)
from episodeparse.model import Role
from episodeparse.normalize import collapse, rendered

__all__ = ["affiliation_after", "extract"]

_CONVERSATION = recache.compile(
    r"[ \t](?:talks|chats|speaks|sits[ \t]+down|catches[ \t]+up)[ \t]+with[ \t]+"
    r"|[ \t]interviews[ \t]+(?:(?:the|our|his|her|their|two|three|[a-z]+s)[ \t]+){0,3}"
)
_DISCUSS = recache.compile(
    r"^[ \t]+(?:discuss|talk|chat|dive|sit[ \t]+down|break[ \t]+down|explore|catch[ \t]+up)\b",
    re.IGNORECASE,
)
# One class first (not "[.!?;][ \t]+|,[ \t]+"): a search skips to where it can match.
_CLAUSE_START = recache.compile(r"[.!?;,][ \t]+(?=[A-Z])")
_FROM_JOIN = recache.compile(r"^[ \t]+(?:from|of)[ \t]+(?P<org>[A-Z][^,.]{0,40}?)[ \t]+join[ \t]+")
_JOINS = recache.compile(r"^[ \t]+joins?\b")
# Opening with "\b", not each alternative with its letter (as _SELF_INTRO): the letters
# they open with ("w", "t", "o", "m", ...) are so common that a search entering the
# pattern at each of them costs more than one testing "\b" at each position.
_GUEST_CUES = recache.compile(
    r"\b(?:joined[ \t]+by|[Ww]ith[ \t]+(?:special[ \t]+)?guests?|featuring|welcomes?|"
    r"we[ \t]+(?:talk|chat|speak)[ \t]+with|Where[ \t]+to[ \t]+find|"
    r"(?:my|our|today['’]s|this[ \t]+week['’]s)[ \t]+guests?(?:[ \t]+today)?[ \t]+(?:is|are))[ \t]+"
)
_HOST_LABELS = frozenset(w.casefold() for w in cues.words("people", "host_label"))
_LABELS = cues.alternation_of(
    (*cues.words("people", "guest_label"), *cues.words("people", "host_label"))
)
_ROLE_LABEL = recache.compile(
    rf"""^[ \t]*+(?:[-*•][ \t]++)?  # possessive: no label starts inside a run of blanks
        (?P<label>{_LABELS}|Co-?[ \t]?hosts?)
        [ \t]*[:\-–：][ \t]*""",
    re.IGNORECASE | re.VERBOSE,
)
_IS_PHRASE = recache.compile(
    r"""^(?:[ \t]*\([^)]{0,120}\))?[ \t]+      # "NAME (Twitter: @x) is"
        (?:(?P<verb>is|was)[ \t]+                      # "is a", "is CEO and Founder of"
            (?=(?:a|an|the|one|CEO|CTO|COO|co-?founder|founder|[A-Z][\w-]*[ \t]+(?:at|of|and))\b)
          |(?:leads|has[ \t]+(?:a|an|over|more|been[ \t]+(?:a|an|the))|works[ \t]+(?:at|as|on|for)
             |joins|builds|runs|founded|co-founded|serves[ \t]+as|heads)\b)""",
    re.VERBOSE | re.IGNORECASE,
)
_NOT_A_PERSON = recache.compile(  # "Ferrous Hour is a community project"
    r"""[ \t]*(?:a|an|the)[ \t]+(?:[\w-]+[ \t]+){0,2}
        (?:podcast|show|project|community|company|platform|tool|library|framework|service|
           app|book|movie|film|series|newsletter|conference|game|network|channel)s?\b""",
    re.VERBOSE | re.IGNORECASE,
)
_WHO_ETC = r"\b(?:who|where|which|that|whose|working|focusing|specializing)\b"
_DEGREES = recache.compile(
    r"^(?:,[ \t]*(?:Ph\.?[ \t]?D\.?|M\.?D\.?|MBA|Jr\.?|Sr\.?|PE|RN)(?=[,\s]|$))+"
)
_APPOSITIVE = recache.compile(r"^,[ \t]+(?:(?:a|an|the)[ \t]+)?")
_PAREN_ORG = recache.compile(r"^[ \t]*\((?P<org>[A-Z][^()@/:,;]{1,60})\)")
_ABBREVIATION_END = recache.compile(r"(?:^|[ \t])(?:Inc|Ltd|Co|Corp|Bros|Jr|Sr|[A-Z])\.$")


def _apposition(after: str) -> str | None:
    """ ", head baker at Kornhaus Bakery, about ...": a job at or of an organisation."""
    after = _DEGREES.sub("", after)  # "Maya Lindqvist, Ph.D., a professor of ..."
    app = _APPOSITIVE.match(after)
    if not app:
        org = _OF_ORG.match(after) or _PAREN_ORG.match(after)  # "Ann Lee (Acme Labs)"
        if org is None:
            return None
        name = org["org"]
        return name if _ABBREVIATION_END.search(name) else name.rstrip(".")
    affiliation = affiliation_after(after[app.end() :])
    if affiliation and _at_an_organisation(affiliation):
        return affiliation
    return None


_ARTICLES = frozenset(w.casefold() for w in cues.words("people", "article"))
_ELIDED_ARTICLES = tuple(w.casefold() for w in cues.words("people", "article") if w[-1] in "'’")
# The words that join a job to its organisation: "at", "of", "chez", "bei", "da", ...
_ORG_LINKS = frozenset(cues.words("people", "org_link"))


def _at_an_organisation(phrase: str) -> bool:
    """Whether a job phrase names where: "head baker at X", "ingénieure chez Y"."""
    return not _ORG_LINKS.isdisjoint(phrase.split()[1:])


def affiliation_after(text: str) -> str | None:
    """The job-and-organisation phrase at the start of ``text`` (after "is a"), else None.

    >>> affiliation_after("a computational biologist at MIT. Please support")
    'computational biologist at MIT'
    >>> affiliation_after("CEO and Founder of Kestrel Pay, a service that")
    'CEO and Founder of Kestrel Pay'
    >>> affiliation_after("the Head of Product at Sierra, leading the team")
    'Head of Product at Sierra'
    """
    text = text.strip()
    head, _, rest = text.partition(" ")
    if head.casefold() in _ARTICLES:  # "a", "the", "el", "la", "der", ...
        text = rest.lstrip(" \t")
    else:
        for elided in _ELIDED_ARTICLES:  # "l'autrice de ..."
            if text[: len(elided)].casefold() == elided:
                text = text[len(elided) :]
                break
    out: list[str] = []
    for m in re.finditer(r"[^,.;:!?]+|[,.;:!?]", text):
        piece = m.group(0)
        if piece in ".;:!?":
            # "Ph.D." and "U.S." are not the end of the phrase.
            if piece == "." and out and re.search(r"\b[A-Z][a-z]?$", out[-1]):
                out.append(piece)
                continue
            break
        if piece == ",":
            after = text[m.end() :].lstrip()
            word = after.split(" ", 1)[0] if after else ""
            if word[:1].islower() and word not in ("and", "&"):
                break
            if word in ("and", "&") and _names_person(after[len(word) :]):
                break  # ", and Bo Lutz heads ...": another person's clause
            out.append(piece)
            continue
        if re.search(_WHO_ETC, piece):
            out.append(re.split(_WHO_ETC, piece)[0])
            break
        out.append(piece)
    phrase = collapse("".join(out)).strip(" ,")
    if not phrase or len(phrase.split()) > 14:
        return None
    return phrase


# The word after a participle that names who does it: "joined by", "von", "por", "par".
_PASSIVE_BY = frozenset(w.casefold() for w in cues.words("people", "passive_by"))


def _a_job(phrase: str | None) -> str | None:
    """``phrase`` where it names a job ("computational biologist at X", "CEO of Y"), not a
    praise ("a legend in the world of ...")."""
    if phrase is None:
        return None
    head = phrase.split(None, 2)
    if len(head) > 1 and head[1].casefold() in _PASSIVE_BY:
        return None  # "joined by ...", "hosted by ...": who acts on them, not a job
    words = {w.strip(",;&").casefold() for w in phrase.split()}
    if " at " in phrase or not words.isdisjoint(_JOB_OPENERS) or words & _TITLE_WORDS:
        return phrase  # a job word, or "at" an organisation
    return None


def job_phrase(phrase: str | None) -> str | None:
    """``phrase`` where it names a job at or of an organisation ("head of research at X")."""
    job = _a_job(phrase)
    return job if job is not None and _at_an_organisation(job) else None


_TITLE_WORDS = frozenset(("ceo", "cto", "coo", "cfo", "vp", "co-founder", "cofounder", "partner"))


def _names_person(text: str) -> bool:
    """Whether ``text`` opens with a full name then a lower-case word (its verb)."""
    found = read_name(text.lstrip())
    if found is None or " " not in found[0]:
        return False
    rest = text.lstrip()[found[1] :]
    return rest[:1] == " " and rest[1:2].islower()


def _add_all(ctx: Context, names: list[str], role: Role, affiliation: str | None = None) -> None:
    for name in names:
        ctx.add_person(name, role, affiliation=affiliation)


def _role_of(label: str) -> Role:
    low = label.lower().replace(" ", "")
    if "co-host" in low or "cohost" in low:
        return "co-host"
    if "host" in low or " ".join(label.casefold().split()) in _HOST_LABELS:
        return "host"
    return "guest"


def _sentence(ctx: Context, text: str, leading: bool, low: str, odd: bool) -> None:
    """Roles stated by one line of prose; ``low`` is ``text`` lower-cased, ``odd`` whether
    it holds one of _ODD_CASES (so that guards on ``low`` may not hold)."""
    # Whether the line may hold a _DISCUSS phrase: a word each holds ("down" for "sit
    # down"), tested on ``low``; for a line with _ODD_CASES no such guard holds. Inline, not
    # a call: it is asked of every line of prose.
    discuss = (
        odd
        or "discuss" in low
        or "talk" in low
        or "chat" in low
        or "dive" in low
        or "down" in low
        or "explore" in low
        or "catch" in low
    )
    names: list[str] = []
    end = 0
    # Each word below is sought once, for every rule that needs it: "joined" and "joins"
    # hold "join", "host" in ``text`` is "host" in ``low``.
    join = "join" in text
    has_host = "host" in low
    with_ = "with" in text
    # The names opening the line serve only the rules that need a leading line, "join", a
    # dash, "host" (as IGNORECASE matches it) or a discuss phrase: elsewhere none is read.
    if (
        leading
        or discuss
        or join
        # _NAME_DASH_ROLE: a dash then a blank ("self-hosting" holds no such dash).
        or "- " in text
        or "– " in text
        or "— " in text
        or ("\t" in text and ("-\t" in text or "–\t" in text or "—\t" in text))
        or odd
        or has_host
    ):
        known = ctx.known_at(text)
        names, end = ([known.name], len(known.name)) if known else names_at(text, 0)
    rest = text[end:]
    # Each pattern below runs only on a line holding a word it needs ("with", "host",
    # "joined", ...): most lines of prose hold none of them.
    conv = _CONVERSATION.search(text) if with_ or "interviews" in text else None
    if conv:
        host = name_before(text, conv.start())
        guests, gend = names_at(text, conv.end())
        if host and guests:
            ctx.add_person(host, "host")
            affiliation = _apposition(text[gend:]) if len(guests) == 1 else None
            _add_all(ctx, guests, "guest", affiliation)
            return
    if names:
        joined = _FROM_JOIN.match(rest)
        if joined:
            _add_all(ctx, names, "guest", joined["org"].strip())
            found = read_name(rest, joined.end())
            if found:
                ctx.add_person(found[0], "host")
            return
        if _DISCUSS.match(rest) and len(names) >= 2:
            _discussants(ctx, names)
        if len(names) == 1 and len(names[0].split()) >= 2:
            if _JOINS.match(rest) and leading:
                ctx.add_person(names[0], "guest")
                return
            hosting = _IS_HOST.match(rest)
            if hosting:
                # "Sean Falconer is the host of Software Engineering Daily." Where the show is
                # known and the sentence names another one, they host that show: a guest here.
                other_show = (
                    ctx.podcast is not None
                    and ctx.podcast.casefold() not in rest[hosting.end() :].casefold()
                ) or (ctx.title is not None and names[0] in ctx.title.text)
                role: Role = "guest" if other_show else "co-host" if hosting["co"] else "host"
                ctx.add_person(names[0], role)
                return
            m = _IS_PHRASE.match(rest)
            if m and leading and not _NOT_A_PERSON.match(rest[m.end() :]):
                affiliation = None
                if (m["verb"] or "").lower() == "is":
                    affiliation = _a_job(affiliation_after(rest[m.end() :]))
                ctx.add_person(names[0], "guest", affiliation=affiliation)
                if "," in rest or ";" in rest:
                    _more_subjects(ctx, rest)
                return
    has_host = has_host and "host" in text
    for cue in _ROLE_BEFORE.finditer(text) if has_host else ():
        if re.search(r"\b(?:from|of|by)[ \t]+$", text[: cue.start()]):
            continue  # "a new podcast from host NAME": the host of another show
        found = read_name(text, cue.end())
        if found and len(found[0].split()) >= 2:
            ctx.add_person(found[0], _role_of(cue["role"]))
    has_joined = join and "joined" in text
    joined_by = _IS_JOINED_BY.search(text) if has_joined else None
    if joined_by:
        hosts, hosts_end = names_at(text, 0)
        if hosts and hosts_end == joined_by.start():
            _add_all(ctx, hosts, "host")  # "Jerod & Adam are joined by ..."
        else:
            host = name_before(text, joined_by.start())
            if host:
                ctx.add_person(host, "host")
    for joins in _JOINS_US.finditer(text) if join and "joins" in text else ():
        # "In this episode, Alex Moreno, CTO of Vecstore, joins the show to talk about ..."
        before = text[: joins.start()]
        apposition = _TRAILING_APPOSITION.search(before) or _TRAILING_ORG.search(before)
        end = apposition.start() if apposition else len(before)
        guest = name_before(text, end)
        if guest and len(guest.split()) >= 2:
            job = _apposition(before[end:] + ("," if before.endswith(",") else ""))
            ctx.add_person(guest, "guest", affiliation=job)
    # "I'm NAME", "I am NAME": an "m" and a blank after it; "My name is NAME".
    intro = (
        _SELF_INTRO.search(text)
        if "My" in text or ("I" in text and ("m " in text or "m\t" in text))
        else None
    )
    if intro:
        found = read_name(text, intro.end())
        # The name ends its clause ("I'm Ann Lee, and ...", "I'm Ann Lee."), or goes on
        # as a sentence does ("I'm Ann Lee and this is ..."): "I'm Gonna Throw Up //"
        # between topics in a list is no speaker.
        if (
            found
            and _INTRO_END.match(text, found[1]) is not None
            and (ctx.find_person(found[0]) or len(found[0].split()) >= 2)
        ):
            ctx.add_person(found[0], "host")
    if names and len(names) == 1 and len(names[0].split()) >= 2:
        dash = _NAME_DASH_ROLE.match(rest)
        if dash:
            ctx.add_person(names[0], "guest", affiliation=dash["role"].strip())
            return
    if with_:
        _with_job_title(ctx, text)
    if "v" in text or "V" in text:  # "interviews", as IGNORECASE matches it
        _interview_list(ctx, text, low)
    for clause in _CLAUSE_START.finditer(text) if discuss else ():
        names, end = names_at(text, clause.end())
        if len(names) >= 2 and _DISCUSS.match(text[end:]):
            _discussants(ctx, names)
            break
    # A word each _GUEST_CUES cue holds: "with guest" holds "guest", "we talk with" "we ".
    cued = (
        "guest" in text
        or has_joined
        or "featuring" in text
        or "welcome" in text
        or "Where" in text
        or (with_ and ("we " in text or "we\t" in text))
    )
    for cue in _GUEST_CUES.finditer(text) if cued else ():
        guests, gend = names_at(text, cue.end())
        if re.match(r"[ \t]+as[ \t]", text[gend:]):
            continue  # "featuring NAME as CHARACTER": a cast list, not a guest
        full = [g for g in guests if len(g.split()) >= 2]
        affiliation = _apposition(text[gend:]) if len(full) == 1 == len(guests) else None
        _add_all(ctx, full, "guest", affiliation)


def _cues_of_any_show(ctx: Context, text: str, leading: bool, low: str) -> None:
    """The rules keyed on cues many shows use (see :func:`_cued` and those below it);
    each runs only on a line holding a word it needs."""
    words = low.split()
    guest_keys, host_keys, job_keys, own_keys, every, every_rule = _cue_keys()
    # The line's words that any rule below seeks, found in one pass over its words (each a
    # fresh string, hashed once): every rule's test is then on this small set.
    hits = every_rule.intersection(words)
    if (
        leading
        and not _TOPIC_KEYS.isdisjoint(hits)
        and not _WITH_WORDS.isdisjoint(hits)
        and _TALK_ABOUT.may_occur(words, low)
    ):
        _topic_with(ctx, text)
    if low.isascii():
        if every.isdisjoint(hits):
            # No finder's word, none _episode_lead or _speakers needs: the rules left.
            if "co-host" in low or "cohost" in low:
                _and_co_host(ctx, text)
            if ("this is" in low or "it's" in low) and "H" in text:
                _hello(ctx, text)
            if not text.isascii():  # "K" (the Kelvin sign) lower-cased is "k"
                _japanese(ctx, text)
            return
        # What the finders' may_occur say of an ASCII line without one of their words.
        guest = not guest_keys.isdisjoint(hits) and _GUEST_INTRO.may_occur(hits, low)
        host = not host_keys.isdisjoint(hits) and _HOST_CREDIT.may_occur(hits, low)
        jobs = (
            (leading or bool(ctx.people))
            and not job_keys.isdisjoint(hits)
            and _JOB_BEFORE.may_occur(hits, low)
        )
        own = not own_keys.isdisjoint(hits) and _OWN_GUESTS.may_occur(hits, low)
    else:
        # may_occur tests the words against the finder's keys: those of the line are hits.
        guest = _GUEST_INTRO.may_occur(hits, low)
        host = _HOST_CREDIT.may_occur(hits, low)
        jobs = (leading or bool(ctx.people)) and _JOB_BEFORE.may_occur(hits, low)
        own = _OWN_GUESTS.may_occur(hits, low)
    line = LineWords(text) if guest or host or jobs else None
    if line is not None and (guest or host):
        _cued(ctx, text, line)
    if own:
        _own_guests(ctx, text, line or LineWords(text))
    if ("episode" in low or "this week" in low or "today" in low) and not _HAS_KEYS.isdisjoint(
        hits
    ):
        _episode_lead(ctx, text)
    if leading and not _CONVERSE_KEYS.isdisjoint(hits):
        _converses(ctx, text)
    if leading and not _V2_KEYS.isdisjoint(hits):
        _converses_v2(ctx, text)
    if "co-host" in low or "cohost" in low:
        _and_co_host(ctx, text)
    if ("this is" in low or "it's" in low or "it’s" in low) and "H" in text:
        _hello(ctx, text)
    if line is not None and jobs:
        _jobs(ctx, text, leading, line)
    if leading and not _SPEAKS_KEYS.isdisjoint(hits):
        _speakers(ctx, text)
    if not text.isascii():
        _japanese(ctx, text)


# What IGNORECASE matches to an ASCII letter that str.lower() does not turn into it.
_ODD_CASES = ("\u0130", "\u0131", "\u017f")  # "İ" and dotless "ı" for "i", long "ſ" for "s"


_PAREN_OR_LINK = recache.compile(r"\([^()\n]{0,300}\)|\[[^\[\]\n]{0,300}\]\([^()\[\]\s]{0,2000}\)")
_ROLE_BEFORE = recache.compile(  # "host Ruben ...": "h(?<!\wh)" is "\bh", as above
    r"(?P<role>h(?<!\wh)ost|c(?<!\wc)o-host|c(?<!\wc)ohost)[ \t]+(?=[A-Z])"
)
_IS_HOST = recache.compile(
    r"^[ \t]+is[ \t]+(?:the|a|your)[ \t]+(?P<co>co-?)?host[ \t]+of\b", re.IGNORECASE
)
_JOINS_US = recache.compile(r"[ \t]joins[ \t]+(?:us|the[ \t]+show|the[ \t]+podcast|me)\b")
_TRAILING_APPOSITION = recache.compile(r",[ \t]+[^,]{2,80},$")
# "Ann Lee from Acme Labs| joins us": where the one who joins is from.
_TRAILING_ORG = recache.compile(
    r"(?<![ \t])[ \t]+(?:of|from)[ \t]+"
    r"[A-Z][\w.'’-]{0,40}(?:[ \t]+(?:&[ \t]+)?[A-Z][\w.'’-]{0,40}){0,5}$"
)
_IS_JOINED_BY = recache.compile(r"(?<![ \t])[ \t]+(?:is|are)[ \t]+joined[ \t]+by[ \t]+")
# Each alternative opens with its letter, then tests the "\b" before it ("I(?<!\wI)" is
# "\bI"): a search skips ahead to an "I" or "M", not entering the pattern at every position.
# What may follow the name of "I'm NAME": the end of the text or of its clause, or a
# lower-case word ("I'm Ann Lee and ...", "I'm Ann Lee here with ...").
_INTRO_END = recache.compile(r"[ \t]*(?:$|[,.!?;:)(&+]|[ \t]*[-–—][ \t]|[a-z])")
_SELF_INTRO = recache.compile(
    r"(?:I(?<!\wI)['’]m|I(?<!\wI)[ \t]+am|M(?<!\wM)y[ \t]+name[ \t]+is)[ \t]+(?=[A-Z])"
)
_NAME_DASH_ROLE = recache.compile(  # "Dale Morrow - Founder of Voltage"
    r"^[ \t]*[-–—][ \t]+(?P<role>[A-Z][^.!?]{2,80}?\b(?:at|of)\b[^.!?]{1,60})$"
)
_JOB_WORDS = frozenset(
    {
        "Senior",
        "Junior",
        "Staff",
        "Principal",
        "Lead",
        "Chief",
        "Head",
        "Rust",
        "Python",
        "Software",
        "Data",
        "ML",
        "AI",
        "Developer",
        "Engineer",
        "Engineering",
        "Manager",
        "Director",
        "Product",
        "Founder",
        "Co-Founder",
        "CEO",
        "CTO",
        "CPO",
        "VP",
        "President",
        "Scientist",
        "Researcher",
        "Professor",
        "Designer",
        "Architect",
        "Advocate",
        "Evangelist",
        "Author",
        "Analyst",
    }
)
# "with" opening the pattern (not "\b"), a search skips to it; the word boundary before it
# is tested on the match ("with" cannot overlap itself, so no match hides another).
_WITH_TITLE = recache.compile(r"with[ \t]+(?=[A-Z])")
_INTERVIEWS = recache.compile(r"\binterviews?\b", re.IGNORECASE)
_INTERVIEWS_ON = recache.compile(r"(?:^|[:;,][ \t]*(?:and[ \t]+)?)(?=[A-Z])")


def _with_job_title(ctx: Context, text: str) -> None:
    """ "with Senior Rust Developer Simon Ashdown": a job title, then the guest (the caller
    has found "with" in ``text``)."""
    for m in _WITH_TITLE.finditer(text):
        at = m.start()
        if at and (text[at - 1].isalnum() or text[at - 1] == "_"):
            continue  # within a word: no "\b" (re's \w is alphanumeric or "_")
        # Seven words fit in 400 characters; the rest of a long line is not split per cue.
        words = text[m.end() : m.end() + 400].split()[:7]
        titled = 0
        while titled < len(words) and words[titled] in _JOB_WORDS:
            titled += 1
        if titled == 0:
            continue
        rest = " ".join(words[titled:])
        found = read_name(rest, max_words=3)
        if found and len(found[0].split()) >= 2:
            ctx.add_person(found[0], "guest")


def _interview_list(ctx: Context, text: str, low: str) -> None:
    """ "Three interviews from RustFest: Nils Berg on ..., Arno Vos on ..."; ``low`` is
    ``text`` lower-cased."""
    # Case-folded as IGNORECASE matches; "nterv", as a dotless "ı" matches an "i".
    # Only "v" and "V" match a "v" under IGNORECASE: a line without them is spared the fold.
    # On an ASCII line lower() is casefold(): ``low`` is the fold.
    if (
        ("v" not in text and "V" not in text)
        or "nterv" not in (low if text.isascii() else text.casefold())
        or not _INTERVIEWS.search(text)
    ):
        return
    for m in _INTERVIEWS_ON.finditer(text):
        found = read_name(text, m.end())
        if found and len(found[0].split()) >= 2 and re.match(r"[ \t]+on[ \t]", text[found[1] :]):
            ctx.add_person(found[0], "guest")


def _discussants(ctx: Context, names: list[str]) -> None:
    """ "A and B discuss": a panel of three or more, or two named by first name only, are the
    show's hosts (but one already known as a guest, as the item's title names one: "Ann
    and Bo discuss" after "Vampires with Bo Lee"); full names are guests, but for a host
    the notes name elsewhere."""
    if len(names) >= 3 or all(len(n.split()) == 1 for n in names):
        for name in names:
            known = ctx.find_person(name)
            if known is None or known.role != "guest":
                ctx.add_person(name, "host")
        return
    for name in names:
        known = ctx.find_person(name)
        ctx.add_person(name, known.role if known else "guest")


_SIGNATURE = recache.compile(r"^[ \t]*(?:--|—|–|~)[ \t]*(?=[A-Z])")


def _signature(ctx: Context) -> None:
    """ "-- Nico" closing the notes: whoever signs the notes is the show's host."""
    for seg in ctx.doc.segments[-6:]:
        m = _SIGNATURE.match(seg.text)
        if m:
            found = read_name(seg.text, m.end())
            if found and found[1] == len(seg.text.rstrip(" .!")):
                ctx.add_person(found[0], "host")


def _take_or_leave(
    ctx: Context, seg: Segment, after: str, affiliation: str, kept: str | None
) -> None:
    """Take a segment whose name and affiliation were read; what follows the affiliation
    ("- Ann Lee, CEO of X Links:- Bo Yu, ...": a list item run on) is a leftover, and so is
    the affiliation itself when the person already had another (``kept``)."""
    at = after.find(affiliation)
    if kept != affiliation:
        unread = after[at:] if at >= 0 else after
    else:
        unread = after[at + len(affiliation) :] if at >= 0 else ""
    asides = _asides(unread)
    unread = _PAREN_OR_LINK.sub(" ", unread).strip(" .,;:!?-–—")
    if re.search(r"[^\W_]", unread):
        ctx.leave(seg, unread)
    for aside in asides:
        ctx.leave(seg, aside)
    ctx.take(seg)


_ASIDE = recache.compile(r"\(([^()\n]{1,300})\)")
# An e-mail address is entered at the start of its run only ("(?<!...)"): linear on "----".
_HANDLE_OR_ADDRESS = recache.compile(
    r"https?://\S+|www\.\S+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+|@[\w.]+(?:@[\w.-]+)?"
)


def _asides(text: str) -> list[str]:
    """What parentheses hold beside a name that is not a handle or address: "(she/her)".

    >>> _asides("Ann Lee (@ann) and Bo Yu (she/her)")
    ['she/her']
    """
    return [
        found.strip()
        for found in _ASIDE.findall(text)
        if re.search(r"[^\W_]", _HANDLE_OR_ADDRESS.sub(" ", found))
    ]


# After a name: the rest of a label that opens with the name's last word ("voiced by:").
_NEXT_LABEL = recache.compile(r"[ \t]+[a-z][a-z]{0,20}(?:[ \t][a-z]{1,20}){0,3}[ \t]*:")


# The first word of every role label, lower case: "moderation", "gast", "ospite", ...
_LABEL_FIRST = frozenset(
    w.split()[0].casefold()
    for w in (*cues.words("people", "guest_label"), *cues.words("people", "host_label"))
)


def _may_be_label(low: str) -> bool:
    """Whether a lower-cased line may open with a role label (after a bullet)."""
    for word in low.split(None, 2)[:2]:
        word = word.rstrip(":-–：")
        if word in _LABEL_FIRST:
            return True
        if word not in ("-", "*", "•"):
            return False
    return False


def _comma_names(text: str, at: int) -> tuple[list[str], int] | None:
    """The full names after the comma at ``at``, each after a comma, where they fill the
    rest of the line (but a closing "."), none holding a job word ("Principal Engineer");
    else None. Where they end."""
    names: list[str] = []
    pos = at
    while text.startswith(",", pos):
        start = pos + 1
        while text[start : start + 1] in (" ", "\t"):
            start += 1
        found = read_name(text, start)
        if (
            found is None
            or not _full(found[0])
            or not _JOB_WORDS_LOW.isdisjoint(w.casefold() for w in found[0].split())
        ):
            return None
        names.append(found[0])
        pos = found[1]
    if not names or text[pos:].strip(" \t."):
        return None
    return names, pos


def _labelled(ctx: Context, seg: Segment, text: str) -> bool:
    m = _ROLE_LABEL.match(text)
    if not m:
        return False
    names, end = names_at(text, m.end())
    if not names:
        found = caseless_names(text, m.end())  # "嘉宾：王小明", "主持人：陈一、周二"
        if found is None:
            return False
        names, end = found
    if len(names) == 1 and text[end : end + 1] == ",":
        # "Guests: Ann Lee, Bo Yu, Cy Ott": full names parted by commas only, to the end.
        listed = _comma_names(text, end)
        if listed is not None:
            names, end = [names[0], *listed[0]], listed[1]
    label = _NEXT_LABEL.match(text, end) if len(names[-1].split()) >= 3 else None
    at = text.rfind(names[-1], 0, end) if label else -1
    if at >= 0:
        # "Hosted: Ann Lee Testimony voiced by: ...": the last word opens the next label.
        names[-1] = names[-1].rsplit(" ", 1)[0]
        end = at + len(names[-1])
    affiliation = _apposition(text[end:]) if len(names) == 1 else None
    aside = _aside_job(text[end:]) if len(names) == 1 and affiliation is None else None
    affiliation = affiliation or aside
    if len(names) == 1 and text[end : end + 1] == ",":
        # "Guests: Ann Lee, CTO of X, and Bo Yu, Agent at Y": each after their job.
        ctx.add_person(names[0], _role_of(m["label"]), affiliation=affiliation)
        for clause in _AND_CLAUSE.finditer(text, end):
            more, more_end = names_at(text, clause.end())
            if len(more) == 1 and " " in more[0]:
                job = _apposition(text[more_end:])
                ctx.add_person(more[0], _role_of(m["label"]), affiliation=job)
    if affiliation:
        person = ctx.add_person(names[0], _role_of(m["label"]), affiliation=affiliation)
        # "(job)": the job without its parentheses is what a leftover keeps of it.
        _take_or_leave(ctx, seg, aside or text[end:], affiliation, person.affiliation)
        return True
    _add_all(ctx, names, _role_of(m["label"]))
    if not _PAREN_OR_LINK.sub(" ", text[end:]).strip(" .,"):
        # The names and their handles are read; an aside beside a name is a leftover.
        for aside in _asides(text[m.end() :]):
            ctx.leave(seg, aside)
        ctx.take(seg)
    return True


# The one aside after a labelled name, to the line's end: "Ann Lee (founder of Acme)".
_ONE_ASIDE = recache.compile(r"^[ \t]*[(（](?P<job>[^()（）\n@/:：]{2,80})[)）][ \t.]*$")
# Jobs written after their organisation, in a script without capitals ("某公司创始人"): a
# group of their own, not "job", which the lines of every note are searched for.
_CASELESS_JOBS = tuple(cues.words("people", "job_last"))


def _aside_job(after: str) -> str | None:
    """The job an aside after a labelled name states: "(enologa, Cantina Sassorosso)",
    "(founder of Acme)", "(założycielka agencji X)", "（「某咖啡」创始人）": a job and its
    organisation parted by a comma, joined by a word ("of", "de", "bij"), or a job word
    first (last, in a script without capitals). Else None: "(she/her)", "(returning)"."""
    m = _ONE_ASIDE.match(after)
    if m is None:
        return None
    job = m["job"].strip()
    words = job.split()
    if len(words) >= 2 and ("," in job or _at_an_organisation(job)):
        return job
    if len(words) >= 2 and words[0].casefold() in _JOB_WORDS_LOW:
        return job
    if _CASELESS_JOBS and job.endswith(_CASELESS_JOBS):
        return job
    return None


# After a caseless name, its job to the line's end: "王五，某公司创始人".
_CASELESS_APPOSITION = recache.compile(r"^[ \t]*[，,][ \t]*(?P<job>[^，,。；;\n]{1,40})$")


def _caseless_job(after: str) -> str | None:
    """ "，某公司创始人": the job after a caseless name, where it ends with a job word."""
    m = _CASELESS_APPOSITION.match(after)
    job = m["job"].strip() if m else ""
    return job if _CASELESS_JOBS and job.endswith(_CASELESS_JOBS) else None


def _people_section(ctx: Context, heading: str, segments: list[Segment]) -> None:
    """One name per item under "Your hosts", "Guests", "Connect with the hosts"."""
    role = _role_of(heading.strip("【】[] \t"))  # "【主播】"
    seen_item = False
    plain_list = False  # lines of one name each, without bullets
    for seg in segments:
        text = rendered(seg.text)
        item = re.match(r"^(?:[-*•][ \t]+)", text)
        if seen_item and not item:
            break  # the list is over
        seen_item = seen_item or bool(item)
        text = text[item.end() :] if item else text
        names, end = names_at(text, 0)
        if not names:
            found = caseless_name(text)  # "【本期嘉宾】" then "王五，某公司创始人"
            if found is not None:
                job = _caseless_job(text[found[1] :])
                if job or not text[found[1] :].strip():
                    ctx.add_person(found[0], role, affiliation=job)
                    ctx.take(seg)
                    continue
        rest = text[end:].lstrip()
        if plain_list and not (names and _full(names[0]) and text.startswith(names[0])):
            break  # "CEO, Acme Labs" under the name: the list of names is over
        if len(names) == 1 and (not rest or rest.startswith((":", "-", "–", "—", "(", ","))):
            # "- Malik Durant, organizational psychologist at Kestrel University"
            affiliation = _apposition(text[end:])
            person = ctx.add_person(names[0], role, affiliation=affiliation)
            if not item:
                # A paragraph that opens with the name is about them: their bio.
                if len(rest.split()) > _LIST_LINE_WORDS:
                    if person.bio is None:
                        person.bio = rest.lstrip(",:-–— ").strip()
                        ctx.take(seg)
                    break
                if not _full(names[0]):
                    break
                # "Ann Lee — clockmaker, Acme" on a line of its own: the list goes on.
                plain_list = True
            if affiliation:
                _take_or_leave(ctx, seg, text[end:], affiliation, person.affiliation)
            elif not rest:
                ctx.take(seg)
        elif plain_list:
            break  # the list of names is over


_LIST_LINE_WORDS = 8  # words after a name on a line of a list; more make a paragraph


def extract(ctx: Context) -> None:
    doc = ctx.doc
    _signature(ctx)
    for block in doc.sections:
        if block.kind == "people" and block.title:
            _people_section(ctx, block.title, block.segments)
    first_prose = True
    taken = ctx.taken  # ctx.is_taken, without a call per segment (the set is live)
    segments = doc.segments
    count = len(segments)
    labelled_above: Role | None = None
    read_whole = -1  # the physical line last read whole
    for seg in segments:
        if seg.heading is not None or seg.index in taken:
            continue  # a taken segment (title, teaser, chapter) states no role here
        raw = seg.text
        # An ASCII line holds a capital letter where lower-casing changes it; another line
        # may name someone in a script without capitals (CJK, Hebrew, ...).
        if raw == raw.lower() and (raw.isascii() or _CASELESS_LETTER.search(raw) is None):
            first_prose = False  # no capital letter, no name
            continue
        text = rendered(raw)
        low = text.lower()
        # Where IGNORECASE matches a letter that lower() does not give: no word guard holds.
        odd = not text.isascii() and any(o in text for o in _ODD_CASES)
        # A role label holds "host" or "guest", or opens with a label word of any language
        # ("Moderation:", "Gast:", "Ospite:"); a mark of _ROLE_LABEL's follows it.
        if (
            (":" in text or "-" in text or "–" in text or "：" in text)
            and (odd or "host" in low or "guest" in low or not text.isascii() or _may_be_label(low))
            and _labelled(ctx, seg, text)
        ):
            continue
        if ": " in text:
            _labels_after_sentences(ctx, text)
        if seg.index <= _WITH_LINE_AT and _WITH_LINE.match(text):
            _with_line(ctx, seg, text)
        label = _ROLE_LABEL.match(text) if text.endswith((":", "：")) else None
        if label and label.end() == len(text):
            labelled_above = _role_of(label["label"])  # "About our guest:" then the guest
            continue
        block = doc.section_of(seg)
        # Under the title's own heading ("# Episode 88: Title"), the notes' opening prose.
        opening = block.kind in ("preamble", "abstract", "bio", "people") or (
            block.heading is not None and block.heading is ctx.title
        )
        leading = opening and (
            first_prose or block.kind in ("bio", "people") or _starts_paragraph(ctx, seg)
        )
        _sentence(ctx, text, leading, low, odd)
        if leading and first_prose and not ctx.people:
            _protagonist(ctx, text)
        if labelled_above is not None:
            _under_label(ctx, text, labelled_above)
            labelled_above = None
        if seg.line == read_whole:
            pass  # its line was read whole from an earlier segment
        elif seg.index + 1 < count and segments[seg.index + 1].line == seg.line:
            # A line cut into segments (a run of blanks inside it): the cues read it whole,
            # once (read again from every segment, a long line would cost its square).
            whole = _line_text(segments, seg)
            read_whole = seg.line
            _cues_of_any_show(ctx, whole, leading, whole.lower())
        elif seg.index == 0 or segments[seg.index - 1].line != seg.line:
            _cues_of_any_show(ctx, text, leading, low)
        if text and not ctx.is_taken(seg):
            first_prose = False


# A letter of a script without capitals, where a name may stand: Hebrew, Arabic, the
# Indic scripts, Thai, kana, CJK, Hangul (found in one search, not one test per character).
_CASELESS_LETTER = recache.compile(
    r"[\u0590-\u08ff\u0900-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]"
)


# "with Ann Lee and Bo Yu" on a line of its own under the title: the episode's guests.
_WITH_LINE = recache.compile(
    rf"(?:{cues.alternation('header', 'title_with')})[ \t]+(?=[^\W\d_])", re.IGNORECASE
)
_WITH_LINE_AT = 3  # the segments near the top where such a line stands


_SUBJECT_VERB = recache.compile(r"[ \t]+[a-z]{2,20}(?:[ \t]|$)")


def _protagonist(ctx: Context, text: str) -> None:
    """ "Ann Lee set out to look into one story ... Ann blew the lid": the full name that
    opens the notes' first sentence, a verb after it, whom the notes then call by first
    name alone, is the one the episode is about: its guest (where no one else is named)."""
    names, end = names_at(text, 0)
    verb = _SUBJECT_VERB.match(text, end) if len(names) == 1 and " " in names[0] else None
    if verb is None or verb[0].strip().casefold() in _JOB_OPENERS:
        return  # "Former White House counsel NAME ...": a description, not a name and verb
    first = names[0].split()[0]
    rest = ctx.doc.text.replace(names[0], " ")
    at = rest.find(first + " ")
    while at >= 0:
        after = rest[at + len(first) + 1 : at + len(first) + 2]
        if (at == 0 or not rest[at - 1].isalnum()) and not after.isupper():
            ctx.add_person(names[0], "guest")  # "Ann blew the lid", not "Whole Foods"
            return
        at = rest.find(first + " ", at + 1)


def _with_line(ctx: Context, seg: Segment, text: str) -> None:
    """ "with Ann Lee and Bo Yu": full names and nothing else after the word: guests."""
    m = _WITH_LINE.match(text)
    if m is None:
        return
    names, end = names_at(text, m.end())
    if names and all(_full(n) for n in names) and not text[end:].strip(" .!"):
        _add_all(ctx, names, "guest")
        ctx.take(seg)


def _labels_after_sentences(ctx: Context, text: str) -> None:
    """ "... Moderation: Jan Berg", "Hosted by A. Guest: Bo Yu": a role label opening a
    sentence inside a line, then full names."""
    last = text.rfind(":")  # a label after a sentence mark ends with a colon after it
    if last < 0:
        return
    for start in _sentence_starts(text, last):
        if not _may_be_label(text[start : text.find(":", start) + 1].lower()):
            continue
        rest = text[start:]
        label = _ROLE_LABEL.match(rest)
        if label is None:
            continue
        names, _end = names_at(rest, label.end())
        _add_all(ctx, [n for n in names if _full(n)], _role_of(label["label"]))


def _line_text(segments: list[Segment], seg: Segment) -> str:
    """The rendered text of the physical line ``seg`` opens, its segments joined."""
    parts = [rendered(seg.text)]
    at = seg.index + 1
    while at < len(segments) and segments[at].line == seg.line:
        parts.append(rendered(segments[at].text))
        at += 1
    return " ".join(parts)


def _under_label(ctx: Context, text: str, role: Role) -> None:
    """The paragraph under "About our guest:" opens with the guest's name."""
    names, _end = names_at(text, 0)
    if len(names) == 1 and _full(names[0]):
        ctx.add_person(names[0], role)


def _starts_paragraph(ctx: Context, seg: Segment) -> bool:
    """A segment that opens its paragraph: the line above is blank (or it opens the notes)."""
    if seg.index == 0:
        return True
    above = ctx.doc.segments[seg.index - 1]
    return above.line < seg.line - 1


# Cues that need no show's wording, with their words as data in every language of the cues.
# One pattern finds both kinds on a line: "my guest this week is", "unser Gast", "嘉宾" (a
# guest follows) and "hosted by", "Durch die Sendung führten" (hosts follow). The match is
# a cue only where it stands as words (tested on the match: a pattern opening with a
# lookbehind would be tried at every position of the line).
_GUEST_INTRO = Phrases(cues.words("people", "guest_intro"))
_HOST_CREDIT = Phrases(cues.words("people", "host_credit"))
_OWN_GUESTS = Phrases(cues.words("people", "own_guests"))
_AFTER_CUE = recache.compile(r"[ \t]*(?:[:,–—：-][ \t]*)?")
_ARTICLE = recache.compile(r"(?:the|la|el|en|na|il|lo|der|die|l['’])[ \t]+(?=[A-Z])", re.IGNORECASE)
# "..., our Director of Chemistry": the possessive opens an apposition as an article does.
_OWNER = recache.compile(r"^,[ \t]+(?:our|my|his|her|their)[ \t]+")
_SENTENCE_END = recache.compile(r"[.!?](?:[ \t]|$)|$")
_LEAD = recache.compile(
    rf"(?:^|[.!?][ \t]+)(?:{cues.alternation('people', 'episode_lead')})[ \t]*,?[ \t]+(?=[A-Z])",
    re.IGNORECASE,
)
# No _LEAD match holds one of its sentence marks but the first: each starts a match apart.
_LEAD_OPENER = recache.compile(r"[.!?][ \t]")
_HOST_HAS = recache.compile(rf"[ \t]+(?:{cues.alternation('people', 'host_has')})[ \t]+(?=\w)")
# A word of each _HOST_HAS phrase (its longest), in lower case: between blanks, as the
# pattern has it, it is one of the words of the line's lower case.
_HAS_KEYS = frozenset(max(p.split(), key=len).lower() for p in cues.words("people", "host_has"))
_AND_CO_HOST = recache.compile(
    r"[ \t](?:and|&)[ \t]+(?:[a-z]+[ \t]+){0,2}co-?hosts?[ \t]+(?=[A-Z])", re.IGNORECASE
)
_HELLO_THIS_IS = recache.compile(
    r"\b(?:Hi|Hello|Hey)[,!]?[ \t]+(?:(?:there|everyone|everybody|all)[,!]?[ \t]+)?"
    r"(?:this[ \t]+is|it['’]s)[ \t]+(?=[A-Z])"
)
_OF_ORG = recache.compile(
    r"[ \t]+(?:of|from)[ \t]+(?P<org>[A-Z][\w.'’-]*(?:[ \t]+(?:&[ \t]+)?[A-Z][\w.'’-]*){0,5})"
)
_JOB_BEFORE = Phrases(cues.words("people", "job"))


@functools.cache
def _cue_keys() -> tuple[frozenset[str], ...]:
    """The words each cue finder's :meth:`~Phrases.may_occur` needs one of on an ASCII line
    (guest intros, host credits, jobs, own guests); all of them with the words of
    ``_HOST_HAS``, ``_SPEAKS_KEYS`` and the conversation verbs: a line with none is read by
    few rules; and those with the words _topic_with needs (any word a rule seeks)."""
    finders = (_GUEST_INTRO, _HOST_CREDIT, _JOB_BEFORE, _OWN_GUESTS)
    keys = tuple(finder.keys for finder in finders)
    verbs = (_HAS_KEYS, _SPEAKS_KEYS, _CONVERSE_KEYS, _V2_KEYS)
    every = frozenset().union(*keys, *verbs)
    return (*keys, every, every | _TOPIC_KEYS | _WITH_WORDS)


_SPEAKS_KEYS = frozenset(p.split()[0] for p in cues.words("people", "speaks_in_person"))
_JOB_WORDS_LOW = frozenset(w.casefold() for w in cues.words("people", "job"))
# Words that open a job ("co-executive producer", "senior editor").
_JOB_OPENERS = _JOB_WORDS_LOW | frozenset(
    w.casefold() for w in cues.words("people", "job_modifier")
)
# After "JOB NAME": a verb of speaking, maybe after "of ORG" or "and JOB NAME": the name is
# the subject of the sentence and speaks in the episode ("CIA director NAME after ..." no).
_THEN_VERB = recache.compile(
    r"[ \t]+(?:(?:of|from|at)[ \t]+(?:[A-Z][\w-]*[ \t]+){1,4})?"
    r"(?:and[ \t][^.;!?\n]{0,100}?[ \t])?"
    rf"(?:{cues.alternation('people', 'speaks')})\b"
)
_OWNED = ("'s", "’s", "our", "Our", "my", "My", "their", "his", "her")
_AND_CLAUSE = recache.compile(r"(?:,[ \t]+and|;)[ \t]+(?=[A-Z])")


def _full(name: str) -> bool:
    """A name of two words or more, or one in a script without capitals."""
    return " " in name or caseless_name(name) is not None


_ADVERBS = 2  # lower-case words a cue's name may follow ("today", "diesmal", "esta semana")


def _after_adverbs(text: str, pos: int) -> int | None:
    """Where a name may start after one or two lower-case words at ``pos`` and the blank,
    colon or comma after them; None where no such words stand there."""
    at = pos
    for _word in range(_ADVERBS):
        space = text.find(" ", at, at + 30)
        word = text[at:space] if space > at else ""
        bare = word.rstrip(":,")
        if not bare.isalpha() or not bare.islower() or bare in _JOB_OPENERS:
            return None  # "author of NAME" is a description (see _described_name)
        at = space + 1
        while text[at : at + 1] == " ":
            at += 1
        if bare != word or text[at : at + 1].isupper():
            return at  # the words end with their colon or comma, or a capital follows
    return None


def _names_after(text: str, pos: int) -> tuple[list[str], int]:
    """The names a cue introduces at ``pos``: a list of names, or one caseless name."""
    art = _ARTICLE.match(text, pos)
    names, end = names_at(text, art.end() if art else pos)
    if names:
        return names, end
    found = caseless_name(text, pos, in_prose=True)
    return ([found[0]], found[1]) if found else ([], pos)


def _closing_name(text: str, pos: int) -> tuple[str, int] | None:
    """ "is Essex based Social Media Manager, Strategist and Creator, Ann Lee.": the name
    that closes the sentence after its description, the last piece after a comma."""
    end = _SENTENCE_END.search(text, pos)
    stop = end.start() if end else len(text)
    comma = text.rfind(",", pos, stop)
    if comma < 0:
        return None
    start = comma + 1
    while text[start : start + 1] in (" ", "\t"):
        start += 1
    found = read_name(text, start)
    if found and found[1] == stop and " " in found[0]:
        return found
    return None


_DESCRIBED_WORDS = 8  # words of description a cue's name may follow


def _described_name(text: str, pos: int) -> tuple[str, int, str] | None:
    """ "we speak to Chinese dissident and renowned artist Ann Lee about ...": the first full
    name within a few words of the cue that a job word stands right before, with that job."""
    end = _SENTENCE_END.search(text, pos)
    stop = end.start() if end else len(text)
    at = pos
    for _word in range(_DESCRIBED_WORDS):
        space = text.find(" ", at, stop)
        if space < 0:
            return None
        before = text[at:space]
        at = space + 1
        if before.endswith((",", ";", ":")):
            return None  # the description ends with its clause
        if before.casefold() not in _JOB_WORDS_LOW:
            continue
        found = read_name(text, at)
        if found is not None and " " in found[0] and found[1] <= stop:
            job = _job_before(text, at)
            return (found[0], found[1], job) if job else None
    return None


def _appositive_job(text: str) -> str | None:
    """ ", our Director of Chemistry, to ...": the job the apposition states."""
    owner = _OWNER.match(text)
    return _apposition(", " + text[owner.end() :] if owner else text)


def _cued(ctx: Context, text: str, line: LineWords) -> None:
    """Names after a cue phrase of any language: "My guest this week is NAME", "I sat down
    with Dr. NAME, our Director of X", "Hosted by NAME", "unser Gast NAME"."""
    for role, finder in (("guest", _GUEST_INTRO), ("host", _HOST_CREDIT)):
        for _start, cue_end in finder.find(line):
            after = _AFTER_CUE.match(text, cue_end)
            pos = after.end() if after else cue_end
            names, end = _with_nicknames(text, *_names_after(text, pos))
            names = [n for n in names if _full(n) or n.islower()]
            if not names:
                # "Zu Gast ist diesmal NAME", "Mein Gast heute: NAME": an adverb or two first
                later = _after_adverbs(text, pos)
                if later is not None:
                    names, end = _names_after(text, later)
                    names = [n for n in names if _full(n)]
            if governs_case(text[_start:cue_end]):  # "z Anną Nowak": "Anna Nowak" elsewhere
                names = [uninflected(n, ctx.doc.text) for n in names]
            if role == "host":
                _add_all(ctx, names, "host")
                continue
            job = None
            if not names:
                described = _described_name(text, pos)
                if described is not None:
                    names, end, job = [described[0]], described[1], described[2]
                else:
                    closing = _closing_name(text, pos)
                    if closing is None:
                        continue
                    names, end = [closing[0]], closing[1]
            if job is None and len(names) == 1:
                job = _appositive_job(text[end:])
            _add_all(ctx, names, "guest", job)


def _own_guests(ctx: Context, text: str, line: LineWords) -> None:
    """ "NAME talks with his guests A and B", "unterhält sich NAME mit seinen Gästen A, B":
    the names after the cue are guests, and the name whose guests they are (just before the
    cue, or before the one or two words of its verb) hosts."""
    for start, end in _OWN_GUESTS.find(line):
        after = _AFTER_CUE.match(text, end)
        names, _gend = _with_nicknames(text, *_names_after(text, after.end() if after else end))
        guests = [n for n in names if _full(n) or n.islower()]
        if not guests:
            continue
        head = text[:start].rstrip()
        host = name_before(head, len(head))
        for _verb_word in range(2):  # "NAME talks| with", "NAME sits down| with"
            cut = head.rfind(" ")
            if host is not None or cut < 0 or not head[cut + 1 :].islower():
                break
            head = head[:cut].rstrip()
            host = name_before(head, len(head))
        if host is not None and _full(host):
            ctx.add_person(host, "host")
        _add_all(ctx, guests, "guest")


_NICKNAME_IN_LIST = recache.compile(r"[a-z][a-z0-9_-]{2,20}(?=[ \t,])")


def _with_nicknames(text: str, names: list[str], end: int) -> tuple[list[str], int]:
    """A list of guests that goes on past a nickname written in lower case ("Ann Lee,
    nibbler und Bo Yu"): the nickname joins the list where more full names follow it."""
    while names:
        join = _LIST_JOIN.match(text, end)
        nick = _NICKNAME_IN_LIST.match(text, join.end()) if join and join.end() > end else None
        then = _LIST_JOIN.match(text, nick.end()) if nick else None
        if nick is None or then is None or then.end() == nick.end():
            break
        more, more_end = names_at(text, then.end())
        if not more or not all(_full(n) for n in more):
            break
        names = [*names, nick[0], *more]
        end = more_end
    return names, end


def _episode_lead(ctx: Context, text: str) -> None:
    """ "On this episode Ann has Bo Lee": who has whom, host and guest."""
    for start in _lead_places(text):
        m = _LEAD.match(text, start)
        if m is None:
            continue
        hosts, end = names_at(text, m.end())
        has = _HOST_HAS.match(text, end) if hosts else None
        if not has:
            continue
        guests, job = _guests_at(text, has.end(), full_only=False)
        if guests:
            _add_all(ctx, hosts, "host")
            _add_all(ctx, guests, "guest", job)
            return


def _guests_at(text: str, at: int, *, full_only: bool) -> tuple[list[str], str | None]:
    """The guests a cue introduces at ``at``, and the job of a single one: names (full
    ones only, with ``full_only``), or else the name a job word stands before ("sits down
    with planetary scientist Bo Yu"); the job is that word, or an apposition after."""
    guests, end = names_at(text, at)
    if full_only:
        guests = [g for g in guests if _full(g)]
    job = None
    if not guests:
        described = _described_name(text, at)
        if described is None:
            return [], None
        guests, end, job = [described[0]], described[1], described[2]
    if job is None and len(guests) == 1:
        job = _appositive_job(text[end:])
    return guests, job


def _add_keeping_role(
    ctx: Context, names: list[str], role: Role, affiliation: str | None = None
) -> None:
    """Add each name in ``role``, but for one the notes already know, whose role stands."""
    for name in names:
        known = ctx.find_person(name)
        ctx.add_person(name, known.role if known else role, affiliation=affiliation)


def _first_letters(group: str) -> frozenset[str]:
    """The first letters of a people cue group's phrases, in both cases: a line whose
    character at a place is none of them holds none of the phrases there."""
    return frozenset(c for w in cues.words("people", group) for c in (w[:1].lower(), w[:1].upper()))


def _rarest_words(phrases: tuple[str, ...]) -> frozenset[str]:
    """A word of each phrase, lower-cased: the one fewest phrases share (the longest of
    those), so that a line is tested for "talk" or "hablamos", not for "about" or "de"."""
    counts: dict[str, int] = {}
    for phrase in phrases:
        for word in set(phrase.casefold().split()):
            counts[word] = counts.get(word, 0) + 1
    return frozenset(
        min(phrase.casefold().split(), key=lambda w: (counts[w], -len(w))) for phrase in phrases
    )


# "Ann talks to technologist Bo Yu", "Ana conversa con Bo Yu": who hosts whom, no lead needed.
_CONVERSES = recache.compile(
    rf"[ \t]+(?:{cues.alternation('people', 'converses')})[ \t]+(?=\w)", re.IGNORECASE
)
_CONVERSE_KEYS = _rarest_words(cues.words("people", "converses"))
# "host", "your host", "Moderatorin" before the name of the one who converses.
_HOST_WORD = recache.compile(
    rf"(?:{cues.alternation('people', 'host_label')})[ \t]+", re.IGNORECASE
)
_HOST_FIRST = _first_letters("host_label")


def _converses(ctx: Context, text: str) -> None:
    """ "Ann talks to technologist Bo Yu about ...": a sentence of the opening prose whose
    subject converses with a full name: the subject hosts, the other is the guest."""
    starts = [0, *_sentence_starts(text, len(text))]
    for start in starts[:MAX_SENTENCES]:
        # "In this episode, host Ann Lee is joined by ...": a lead, a host word, the name.
        at = _after_lead(text, start)
        label = _HOST_WORD.match(text, at) if text[at : at + 1] in _HOST_FIRST else None
        if label is not None and text[label.end() : label.end() + 1].isupper():
            at = label.end()
        hosts, end = names_at(text, at)
        has = _CONVERSES.match(text, end) if hosts else None
        if has is None:
            continue
        guests, job = _guests_at(text, has.end(), full_only=True)
        if guests:
            _add_keeping_role(ctx, hosts, "host")
            _add_all(ctx, guests, "guest", job)


# "In dieser Folge spricht Jan Berg mit der Uhrmacherin Eva Klein": the verb before its
# subject (German, Dutch), then "mit"/"met" and the guest.
_V2_VERB = recache.compile(
    rf"(?:^|(?<=[ \t]))(?:{cues.alternation('people', 'converses_v2')})[ \t]+(?=[A-Z])"
)
_V2_WITH = recache.compile(
    rf"[ \t]+(?:{cues.alternation('people', 'converse_with')})[ \t]+"
    rf"(?:(?:{cues.alternation('people', 'article')})[ \t]+)?"
)
_V2_KEYS = _rarest_words(cues.words("people", "converses_v2"))


def _converses_v2(ctx: Context, text: str) -> None:
    """ "In dieser Folge spricht Jan Berg mit der Uhrmacherin Eva Klein": the subject after
    the verb hosts, the full name after "mit" is the guest (after its job, if any)."""
    for verb in _V2_VERB.finditer(text):
        hosts, end = names_at(text, verb.end())
        joined = _V2_WITH.match(text, end) if hosts else None
        if joined is None:
            continue
        at = joined.end()
        guests, gend = names_at(text, at)
        guests = [g for g in guests if _full(g)]
        if not guests:
            continue
        # "mit der Uhrmacherin Eva Klein": the job word the name reader stepped over
        before = text[at : text.find(guests[0], at)].strip()
        job = before if len(guests) == 1 and before.casefold() in _JOB_WORDS_LOW else None
        if job is None and len(guests) == 1:
            job = _appositive_job(text[gend:])
        _add_keeping_role(ctx, hosts, "host")
        _add_all(ctx, guests, "guest", job)
        return


# "we talk about soil with Ann Lee", "parliamo di cucina con Ana Ruiz, chef": a topic, then
# the guest after the notes' "with".
_TALK_ABOUT = Phrases(cues.words("people", "talk_about"))
_TOPIC_WITH = recache.compile(
    rf"[ \t](?:{cues.alternation('header', 'title_with')})[ \t]+(?=[^\W\d_])", re.IGNORECASE
)


_TOPIC_KEYS = _rarest_words(cues.words("people", "talk_about"))
_WITH_WORDS = frozenset(w.casefold() for w in cues.words("header", "title_with"))
_TOPIC_CHARS = 120  # how far after the cue its "with" may stand: one clause
_TOPIC_WORDS = 6  # words of the topic between the cue and its "with"


def _topic_with(ctx: Context, text: str) -> None:
    """ "We talk about soil carbon with Ann Lee, soil scientist at X": the full names after
    the clause's "with" are guests (the job after a single one is theirs)."""
    for _start, cue_end in _TALK_ABOUT.find(text):
        stop = _SENTENCE_END.search(text, cue_end)
        limit = min(stop.start() if stop else len(text), cue_end + _TOPIC_CHARS)
        with_ = _TOPIC_WITH.search(text, cue_end, limit)
        topic = text[cue_end : with_.start()] if with_ else ","
        if with_ is None or "," in topic or len(topic.split()) > _TOPIC_WORDS:
            continue  # "we talk about dads, rivalries with Kew Gardens": not the guest's with
        names, end = names_at(text, with_.end())
        guests = [n for n in names if _full(n)]
        job = _appositive_job(text[end:]) if len(guests) == 1 else None
        # The notes name them again, or say what they do ("with Big Tech" is a topic).
        rest = ctx.doc.text.replace(text, " ")
        if guests and (job or all(g in rest for g in guests)):
            _add_all(ctx, guests, "guest", job)
            return


def _lead_places(text: str) -> Iterator[int]:
    """Where a match of ``_LEAD`` may start, in order: the line's start and each ".", "!" or
    "?" before a blank (what ``_LEAD.finditer`` finds, without entering the pattern at every
    position of the line: an IGNORECASE alternation has no first character to seek)."""
    yield 0
    for m in _LEAD_OPENER.finditer(text, 1):
        yield m.start()


def _and_co_host(ctx: Context, text: str) -> None:
    """ "Ann Lee and comic co-host Bo Yu": the one named before the co-host hosts."""
    for m in _AND_CO_HOST.finditer(text):
        host = name_before(text, m.start())
        if host and " " in host:
            ctx.add_person(host, "host")


def _hello(ctx: Context, text: str) -> None:
    """ "Hi, this is Ann Lee of Lee & Partners": the host, and where they work."""
    m = _HELLO_THIS_IS.search(text)
    found = read_name(text, m.end()) if m else None
    if found is None or " " not in found[0]:
        return
    org = _OF_ORG.match(text, found[1])
    ctx.add_person(found[0], "host", affiliation=org["org"] if org else None)


_STOP_BACK = frozenset(("and", "&"))


def _job_before(text: str, start: int) -> str | None:
    """The job phrase that ends at ``start`` ("psychologist and author| Ann Lee"): job words,
    "and", "&" and capitalised organisation words back to the sentence or clause, opening
    with a job word."""
    words = text[:start].split(" ")[-9:]
    if words and words[-1] == "":
        words.pop()
    taken: list[str] = []
    for word in reversed(words):
        bare = word.rstrip(",;:.!?")
        if bare != word or not bare:
            break  # the clause before ends here
        low = bare.casefold()
        if low in _JOB_OPENERS or low in _STOP_BACK or (bare[:1].isupper() and bare.isalpha()):
            taken.insert(0, bare)
            continue
        break
    while taken and taken[0].casefold() not in _JOB_OPENERS:
        taken.pop(0)
    if not taken or taken[-1].casefold() not in _JOB_WORDS_LOW:
        return None
    return " ".join(taken)


def _jobs(ctx: Context, text: str, leading: bool, line: LineWords) -> None:
    """ "While psychologist and author Ann Lee might not ...": in the opening prose, a job
    then a full name that a verb follows is the episode's guest; and a job written before a
    known person's name is their affiliation."""
    for _start, job_end in _JOB_BEFORE.find(line):
        if text[job_end : job_end + 1] != " ":
            continue
        found = read_name(text, job_end + 1)
        if found is None or " " not in found[0]:
            continue
        known = ctx.find_person(found[0])
        job = _job_before(text, job_end + 1)
        owned = job is not None and text[: job_end + 1 - len(job)].rstrip().endswith(_OWNED)
        if known is None and (owned or not (leading and _THEN_VERB.match(text, found[1]))):
            continue  # "our stage manager NAME", "Trump's director NAME": not a guest
        if known is None:
            ctx.add_person(found[0], "guest", affiliation=job)
        elif job and known.affiliation is None:
            known.affiliation = job


_SPEAKER = recache.compile(rf"[ \t]+(?:{cues.alternation('people', 'speaks_in_person')})\b")
_BLANKS = (" ", "\t")


def _sentence_starts(text: str, stop: int) -> list[int]:
    """Where each sentence after the first starts, in order: a capital after ".", "!" or
    "?" (before ``stop``) and a run of blanks. Each mark is found with str.find: a pattern
    opening with their class would test every character of the line against it.

    >>> _sentence_starts("Hi. Ann Lee!  Bo?x. 3. Yes", 99)
    [4, 14, 23]
    """
    out: list[int] = []
    for mark in ".!?":
        at = text.find(mark, 0, stop)
        while at >= 0:
            end = at + 1
            while text[end : end + 1] in _BLANKS:
                end += 1
            if end > at + 1 and "A" <= text[end : end + 1] <= "Z":
                out.append(end)
            at = text.find(mark, end, stop)
    if len(out) > 1:
        out.sort()
    return out


def _speakers(ctx: Context, text: str) -> None:
    """ "Ann Lee discusses ...", "Ann Lee and Bo Yu analyze ...": full names opening a
    sentence of the opening prose, a verb of speaking in the episode after them: guests
    (a host the notes name elsewhere stays host)."""
    starts = [0, *_sentence_starts(text, len(text))]
    for start in starts[:MAX_SENTENCES]:
        # "In this interview, Ann Lee ...": the episode's lead before the names.
        names, end = names_at(text, _after_lead(text, start))
        job = None
        if len(names) == 1 and text.startswith(", ", end):
            # "Ann Lee, CTO of Acme, explains ...": a job between the name and its verb.
            job = _apposition(text[end:])
            close = text.find(job + ",", end, end + len(job) + _APPOSITION_LEAD) if job else -1
            end = close + len(job) + 1 if job and close >= 0 else end
            job = job if close >= 0 else None
        verb = _SPEAKER.match(text, end) if names and all(" " in n for n in names) else None
        # The verb agrees with the names by its first word ("Ann Lee talks", "Ann Lee sits
        # down", "Ann and Bo talk"), and goes on.
        if (
            verb
            and verb[0].split(None, 1)[0].endswith("s") == (len(names) == 1)
            and verb.end() < len(text)
        ):
            _add_keeping_role(ctx, names, "guest", job)


MAX_SENTENCES = 40  # of one line: the opening prose, not a whole page run together
_APPOSITION_LEAD = 24  # characters before an apposition's job: ", the ", ", our new "
# "In this interview, NAME ...", "This week NAME, JOB, joins ...": the lead, a comma or not.
_LEAD_COMMA = recache.compile(
    rf"(?:{cues.alternation('people', 'episode_lead')})[ \t]*,?[ \t]+", re.IGNORECASE
)
_LEAD_FIRST = _first_letters("episode_lead")


def _after_lead(text: str, start: int) -> int:
    """Where the words after the episode's lead at ``start`` begin ("In this interview, "),
    or ``start`` where no lead stands there."""
    lead = _LEAD_COMMA.match(text, start) if text[start : start + 1] in _LEAD_FIRST else None
    return lead.end() if lead else start


def _more_subjects(ctx: Context, text: str) -> None:
    """ "Ann Lee is the creator of X, and Bo Yu heads up Y": a second person described in
    the same way, in the same paragraph, is a guest too."""
    for m in _AND_CLAUSE.finditer(text):
        names, end = names_at(text, m.end())
        rest = text[end:]
        one = len(names) == 1 and " " in names[0]
        if one and _IS_PHRASE.match(rest) and not _NOT_A_PERSON.match(rest):
            ctx.add_person(names[0], "guest")


def _japanese(ctx: Context, text: str) -> None:
    """ "AさんとBで…話しました": A (with an honorific) a guest, B (the writer) the host."""
    found = honorific_participants(text)
    for name, honoured in found or ():
        ctx.add_person(name, "guest" if honoured else "host")
