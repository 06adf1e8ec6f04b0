"""Names the entity recognizer misses, found by how texts write them.

An English model tags few names in Han-script text, in wiki markup ("[[Jane Roe]]")
or around a quoted nickname ("Alexander "Sasha" Roe"). These rules find them:

- a Han name followed by its Latin form in parentheses, "杰弗里·辛顿（Geoffrey Hinton，1947-）",
  and a Chinese name given there ("（Yann André Le Cun，中文名杨立昆）");
- a line that is only a three-character Han name with a known surname ("（2）王小明（1960-）"; two
  characters on a line of their own are more often a word: "文章");
- a three-character Han name with a known surname that the text writes at least three
  times, at least twice standing alone (between punctuation, spaces or particles);
- a Latin-script name standing between Han characters or punctuation in Han-script text;
- a wiki link whose target looks like a person's name;
- a quoted nickname between a given name and a surname that the text writes again.

Each rule gives (start, end, canonical, aliases): the span as written, the name to file
it under (the Latin form when the text gives one) and the other forms.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from .names import looks_like_name

# The most frequent Chinese surnames (together most of the population), as written in Han characters.
HAN_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施"
    "文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)
_HAN = "\u4e00-\u9fff"
_DOT = "·・•‧"
_DOTTED = rf"[{_HAN}]{{1,6}}(?:[{_DOT}][{_HAN}]{{1,6}})+"
_LATIN = r"[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){1,3}"
# "杰弗里·辛顿（Geoffrey Hinton，1947-）", "杨立昆 (Yann LeCun)"
_HAN_LATIN = re.compile(rf"(?<![{_HAN}{_DOT}])({_DOTTED}|[{_HAN}]{{2,4}})\s*[（(]\s*({_LATIN})\s*([，,;；][^）)\n]{{0,40}})?[）)]")
_CHINESE_NAME = re.compile(rf"(?:中文名字?|汉名|华文名)[:：\s]*([{_HAN}]{{2,4}})")
# A line that is only a name, perhaps numbered and with years: "（2）王小明（1960-）"
_NAME_LINE = re.compile(rf"(?m)^[ \t]*(?:[（(]?\d{{1,2}}[）).、][ \t]*)?({_DOTTED}|[{_HAN}]{{3}})[ \t]*(?:[（(][\d\s\-–—~年至今]*[）)])?[ \t]*$")
_HAN3 = re.compile(rf"(?=([{_HAN}]{{3}}))")
_PARTICLE_BEFORE = set("是和与跟对由被让把给")
_PARTICLE_AFTER = set("的是在和与说也曾于自等")
_LATIN_IN_HAN = re.compile(rf"(?<=[{_HAN}，。、：；！？“”《》（）\s\-—])({_LATIN})(?=[{_HAN}，。、：；！？“”《》（）]|\s*$)", re.M)
_WIKI = re.compile(r"\[\[([^\[\]|\n]{3,60})(?:\|([^\[\]\n]{1,60}))?\]\]")
_NICK = re.compile(r"\b([A-Z][a-z]+)[ \t]+[\"“']([A-Z][a-z]+)[\"”'][ \t]+([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")

Found = tuple[int, int, str, tuple[str, ...]]


def is_han_name(name: str) -> bool:
    """2-4 Han characters beginning with a known surname, or Han parts joined by middle dots."""
    if re.fullmatch(_DOTTED, name):
        return True
    return bool(re.fullmatch(rf"[{_HAN}]{{2,4}}", name)) and name[0] in HAN_SURNAMES


@lru_cache(maxsize=4)
def _han_share(text: str) -> float:
    """The share of Han characters among the letters (asked twice per document: the Han and the pinyin reading)."""
    counts = Counter(text)  # counted in C; the tests below run once per distinct character
    letters = sum(n for c, n in counts.items() if c.isalpha())
    return sum(n for c, n in counts.items() if c.isalpha() and "\u4e00" <= c <= "\u9fff") / letters if letters else 0.0


def han_names(text: str) -> list[Found]:
    """Han-script names and every place the text writes them again."""
    found: list[Found] = []
    known: dict[str, tuple[str, tuple[str, ...]]] = {}  # Han name -> (canonical, aliases)
    for m in _HAN_LATIN.finditer(text):
        han, latin = m.group(1), m.group(2)
        if not is_han_name(han) or not looks_like_name(latin):
            continue
        other = _CHINESE_NAME.search(m.group(3) or "")
        aliases = (han,) + ((other.group(1),) if other else ())
        for name in aliases:
            known.setdefault(name, (latin, aliases))
    for m in _NAME_LINE.finditer(text):
        if is_han_name(m.group(1)):
            known.setdefault(m.group(1), (m.group(1), ()))
    if _han_share(text) > 0.5:
        for name in _recurring_han3(text, known):
            known.setdefault(name, (name, ()))
    for name, (canonical, aliases) in sorted(known.items()):
        for m in re.finditer(re.escape(name), text):
            if not _inside_longer(text, m.start(), m.end(), known):
                found.append((m.start(), m.end(), canonical, tuple(a for a in aliases if a != canonical) or ((name,) if name != canonical else ())))
        last = re.split(f"[{_DOT}]", name)[-1]
        if last != name and len(last) >= 2:
            for m in re.finditer(re.escape(last), text):
                if not _inside_longer(text, m.start(), m.end(), known, last):
                    found.append((m.start(), m.end(), canonical, ()))
    return found


def _inside_longer(text: str, s: int, e: int, known: dict, name: str | None = None) -> bool:
    """Part of a longer known name ("辛顿" in "杰弗里·辛顿"), or of a dotted run."""
    if s > 0 and text[s - 1] in _DOT or e < len(text) and text[e] in _DOT:
        return True
    for other in known:
        if other == (name or text[s:e]) or len(other) <= e - s:
            continue
        i = text.rfind(other, max(0, s - len(other)), e + len(other))
        if i >= 0 and i <= s and e <= i + len(other):
            return True
    return False


def _recurring_han3(text: str, known: dict) -> list[str]:
    """Three-character names with a known surname, written three times or more and twice standing alone."""
    counts: Counter[str] = Counter()
    alone: Counter[str] = Counter()
    for m in _HAN3.finditer(text):
        s, w = m.start(), m.group(1)
        if w[0] not in HAN_SURNAMES or s > 0 and text[s - 1] in _DOT or text[s + 3 : s + 4] in set(_DOT):
            continue
        counts[w] += 1
        before = text[s - 1] if s > 0 else " "
        after = text[s + 3] if s + 3 < len(text) else " "
        if (not _is_han(before) or before in _PARTICLE_BEFORE) and (not _is_han(after) or after in _PARTICLE_AFTER):
            alone[w] += 1
    return [w for w, n in counts.items() if n >= 3 and alone[w] >= 2 and not any(w in k for k in known)]


def _is_han(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


def latin_in_han(text: str) -> list[Found]:
    """A Latin-script name set in Han-script text ("—— Jane Roe，OpenAI 的 CEO")."""
    if _han_share(text) <= 0.5:
        return []
    return [(m.start(1), m.end(1), m.group(1), ()) for m in _LATIN_IN_HAN.finditer(text) if looks_like_name(m.group(1)) and len(m.group(1).split()) <= 3]


def wiki_names(text: str) -> list[Found]:
    """"[[Jane Roe]]" or "[[Jane Roe|Roe]]": a link target that looks like a person's name."""
    out: list[Found] = []
    for m in _WIKI.finditer(text):
        target = m.group(1).strip()
        if 2 <= len(target.split()) <= 4 and looks_like_name(target):
            s = m.start(1) + m.group(1).find(target)
            out.append((s, s + len(target), target, ()))
    return out


def nickname_names(text: str) -> list[Found]:
    """'Alexander "Sasha" Roe': the name without the nickname, which is an alias."""
    out: list[Found] = []
    for m in _NICK.finditer(text):
        full = f"{m.group(1)} {m.group(3)}"
        elsewhere = re.search(rf"\b{re.escape(m.group(3))}\b", text[: m.start()] + " " * len(m.group(0)) + text[m.end() :])
        if looks_like_name(full) and elsewhere:  # the surname again: a person, not a title's 'Consistent "Middle" Gain'
            out.append((m.start(), m.end(), full, (m.group(0), f"{m.group(2)} {m.group(3)}")))
    return out


def written_names(text: str) -> list[Found]:
    return han_names(text) + latin_in_han(text) + wiki_names(text) + nickname_names(text)
