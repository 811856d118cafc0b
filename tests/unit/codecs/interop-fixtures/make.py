# Writes the interop fixtures of tests/unit/codecs/*-fixtures.test.ts, following each tool's
# documented format (not copied from other projects). Offsets are computed here in Python, whose
# str counts code points (what Label Studio, doccano, spaCy/Prodigy and the W3C model document),
# and UTF-16 counts via encode('utf-16-le'), independently of the TypeScript under test.
# Run: python3 tests/unit/codecs/interop-fixtures/make.py
import json, os

here = os.path.dirname(os.path.abspath(__file__))

def write(rel, text):
    path = os.path.join(here, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w', encoding='utf-8', newline='') as f:
        f.write(text)

def cp(text, quote, n=0):
    at = -1
    for _ in range(n + 1):
        at = text.index(quote, at + 1)
    return at, at + len(quote)

def u16(text, quote, n=0):
    s, e = cp(text, quote, n)
    return len(text[:s].encode('utf-16-le')) // 2, len(text[:e].encode('utf-16-le')) // 2

# Texts: emoji and flags (astral), a ZWJ family, combining marks, RTL, astral digits, CRLF.
T1 = 'Almaty 🔥🔥: President Tokayev said 26 "armed criminals" were killed.\r\nOfficials counted 18 wounded in Alma-Ata 🇰🇿.\r\n'
T2 = 'A resident 👨‍👩‍👧‍👦 wrote that the Cafe\u0301 Dostyk was looted; «الوضع تحت السيطرة» said a diplomat. 𝟐𝟎 thousand troops arrived'

# ---- Label Studio (labels regions; annotations per annotator; code points) ----
def ls_region(text, rid, quote, labels, n=0, unit=cp):
    s, e = unit(text, quote, n)
    return {'id': rid, 'from_name': 'label', 'to_name': 'text', 'type': 'labels', 'origin': 'manual',
            'value': {'start': s, 'end': e, 'text': quote, 'labels': labels}}

ls = [
    {'id': 101, 'data': {'text': T1, 'source': 'wire'}, 'annotations': [
        {'id': 1, 'completed_by': 7, 'result': [
            ls_region(T1, 'r1', 'President Tokayev said 26 "armed criminals" were killed', ['claim']),
            ls_region(T1, 'r2', '26 "armed criminals" were killed', ['casualty']),
            ls_region(T1, 'r3', 'Alma-Ata 🇰🇿', ['deployment', 'claim']),
            {'id': 'c1', 'from_name': 'sentiment', 'to_name': 'text', 'type': 'choices', 'value': {'choices': ['negative']}},
        ]},
        {'id': 2, 'completed_by': {'id': 8, 'email': 'dana@example.org', 'first_name': 'Dana'}, 'result': [
            ls_region(T1, 'r4', '18 wounded', ['casualty']),
            ls_region(T1, 'r5', 'killed.\r\nOfficials', ['claim']),
        ]},
        {'id': 3, 'completed_by': 9, 'was_cancelled': True, 'result': []},
    ], 'predictions': [{'model_version': 'ner-1', 'result': []}]},
    {'id': 102, 'data': {'text': T2}, 'annotations': [
        {'id': 4, 'completed_by': 7, 'result': [
            ls_region(T2, 'r6', 'Cafe\u0301 Dostyk', ['claim']),
            ls_region(T2, 'r7', '«الوضع تحت السيطرة»', ['claim']),
            ls_region(T2, 'r8', '𝟐𝟎 thousand troops arrived', ['deployment']),
            ls_region(T2, 'r9', '👨‍👩‍👧‍👦', ['claim']),
        ]},
    ]},
]
# No final newline, as Label Studio writes its export.
write('label-studio/export-codepoints.json', json.dumps(ls, ensure_ascii=False, indent=1))

# Older exports: `completions` and UTF-16 offsets.
old = [{'id': 1, 'data': {'text': T2}, 'completions': [
    {'id': 1, 'completed_by': {'id': 1, 'email': 'old@example.org'}, 'result': [
        ls_region(T2, 'o1', 'Cafe\u0301 Dostyk', ['claim'], unit=u16),
        ls_region(T2, 'o2', '𝟐𝟎 thousand troops arrived', ['deployment'], unit=u16),
    ]}]}]
write('label-studio/export-utf16.json', json.dumps(old, ensure_ascii=False, indent=2) + '\n')

# A region whose offsets fit neither unit (value.text does not match).
bad = json.loads(json.dumps(ls))
bad[1]['annotations'][0]['result'][2]['value']['start'] += 1
write('label-studio/export-drifted.json', json.dumps(bad, ensure_ascii=False, indent=1))

# ---- doccano (label triples and entities; code points) ----
def triple(text, quote, label, n=0):
    s, e = cp(text, quote, n)
    return [s, e, label]

doc_lines = [
    {'id': 11, 'text': T1, 'label': [triple(T1, 'President Tokayev said 26 "armed criminals" were killed', 'claim'),
                                     triple(T1, '26 "armed criminals" were killed', 'casualty'),
                                     triple(T1, 'Alma-Ata 🇰🇿', 'deployment')], 'Comments': []},
    {'id': 12, 'text': T2, 'label': [triple(T2, '👨‍👩‍👧‍👦', 'claim'), triple(T2, '𝟐𝟎 thousand troops', 'deployment')]},
]
write('doccano/label.jsonl', '\n'.join(json.dumps(l, ensure_ascii=False) for l in doc_lines))  # no final newline

def entity(text, eid, quote, label, n=0):
    s, e = cp(text, quote, n)
    return {'id': eid, 'label': label, 'start_offset': s, 'end_offset': e}

ent_lines = [{'id': 21, 'text': T2, 'entities': [entity(T2, 5, 'Cafe\u0301 Dostyk', 'claim'), entity(T2, 6, 'a diplomat', 'claim')],
              'relations': [{'id': 1, 'from_id': 6, 'to_id': 5, 'type': 'said'}]}]
write('doccano/entities.jsonl', '\r\n'.join(json.dumps(l, ensure_ascii=False) for l in ent_lines) + '\r\n')

# ---- spaCy / Prodigy (tokens, spans with inclusive token_end; code points) ----
import re
def tokens_of(text):
    toks = []
    for m in re.finditer(r'\w+|[^\w\s]', text):
        toks.append({'text': m.group(), 'start': m.start(), 'end': m.end(), 'id': len(toks),
                     'ws': m.end() < len(text) and text[m.end()].isspace()})
    return toks

def pspan(text, toks, quote, label, n=0):
    s, e = cp(text, quote, n)
    ts = next(t['id'] for t in toks if t['start'] == s)
    te = next(t['id'] for t in toks if t['end'] == e)
    return {'start': s, 'end': e, 'token_start': ts, 'token_end': te, 'label': label}

K1 = tokens_of(T1)
K2 = tokens_of(T2)
prodigy = [
    {'text': T1, 'tokens': K1, 'spans': [pspan(T1, K1, 'President Tokayev', 'claim'), pspan(T1, K1, '18 wounded', 'casualty')],
     '_input_hash': 1, '_task_hash': 2, '_annotator_id': 'news-alice', '_session_id': 'news-alice', 'answer': 'accept', 'meta': {'source': 'wire'}},
    {'text': T1, 'tokens': K1, 'spans': [pspan(T1, K1, 'President Tokayev said', 'claim'), pspan(T1, K1, 'Alma-Ata 🇰🇿', 'deployment')],
     '_input_hash': 1, '_task_hash': 3, '_annotator_id': 'news-bob', '_session_id': 'news-bob', 'answer': 'accept'},
    {'text': T2, 'tokens': K2, 'spans': [pspan(T2, K2, '👨‍👩‍👧‍👦', 'claim'), pspan(T2, K2, '𝟐𝟎 thousand troops', 'deployment'),
                                          pspan(T2, K2, 'الوضع تحت السيطرة', 'claim')],
     '_annotator_id': 'news-alice', 'answer': 'accept'},
    {'text': T2, 'tokens': K2, 'spans': [pspan(T2, K2, 'Dostyk', 'claim')], '_annotator_id': 'news-carol', 'answer': 'reject'},
]
write('spacy/prodigy.jsonl', '\n'.join(json.dumps(l, ensure_ascii=False) for l in prodigy))  # no final newline

wrong = json.loads(json.dumps(prodigy[0]))
wrong['spans'][1]['token_end'] += 1  # exclusive, as if it were a Python slice end
write('spacy/exclusive-token-end.jsonl', json.dumps(wrong, ensure_ascii=False) + '\n')

utf16 = json.loads(json.dumps(prodigy[2]))
utf16['spans'] = [{'start': u16(T2, '𝟐𝟎 thousand troops')[0], 'end': u16(T2, '𝟐𝟎 thousand troops')[1], 'label': 'deployment', 'text': '𝟐𝟎 thousand troops'}]
utf16['tokens'] = []
write('spacy/utf16-spans.jsonl', json.dumps(utf16, ensure_ascii=False) + '\n')

spacy_doc = {'text': T2, 'ents': [{'start': cp(T2, 'Cafe\u0301 Dostyk')[0], 'end': cp(T2, 'Cafe\u0301 Dostyk')[1], 'label': 'claim'}],
             'spans': {'sc': [{'start': cp(T2, '𝟐𝟎 thousand')[0], 'end': cp(T2, '𝟐𝟎 thousand')[1], 'label': 'casualty', 'kb_id': ''}]},
             'tokens': [{'id': t['id'], 'start': t['start'], 'end': t['end']} for t in K2]}
write('spacy/doc.json', json.dumps(spacy_doc, ensure_ascii=False, indent=2) + '\n')

# ---- W3C Web Annotation (TextQuoteSelector + TextPositionSelector) ----
def wa(text, aid, quote, label, unit=cp, n=0, creator=None, extra_bodies=(), positions=True, source='article.txt'):
    s, e = cp(text, quote, n)
    selectors = [{'type': 'TextQuoteSelector', 'exact': quote, 'prefix': text[max(0, s - 32):s], 'suffix': text[e:e + 32]}]
    if positions:
        ps, pe = unit(text, quote, n)
        selectors.append({'type': 'TextPositionSelector', 'start': ps, 'end': pe})
    a = {'id': aid, 'type': 'Annotation', 'motivation': 'tagging',
         'body': [{'type': 'TextualBody', 'purpose': 'tagging', 'value': label}, *extra_bodies],
         'target': {'source': source, 'selector': selectors}}
    if creator:
        a['creator'] = creator
    return a

article = T1 + T2  # the .txt file: CRLF lines, no final newline
write('web-annotation/article.txt', article)
cp_items = [
    wa(article, 'urn:uuid:0f3c-1', '26 "armed criminals" were killed', 'casualty', creator={'type': 'Person', 'name': 'alice'},
       extra_bodies=[{'type': 'TextualBody', 'purpose': 'commenting', 'format': 'text/plain', 'value': 'Figure from the president.'},
                     {'type': 'TextualBody', 'purpose': 'describing', 'format': 'application/json',
                      'value': json.dumps({'attribute': 'killed', 'value': {'value': 26, 'qualifier': 'exact'}})}]),
    wa(article, 'urn:uuid:0f3c-2', 'Alma-Ata 🇰🇿', 'deployment', creator='bob'),
    wa(article, 'urn:uuid:0f3c-3', '𝟐𝟎 thousand troops arrived', 'deployment', creator={'type': 'Person', 'name': 'alice'}),
    wa(article, 'urn:uuid:0f3c-4', 'killed.\r\nOfficials', 'claim', creator={'type': 'Person', 'name': 'bob'}),
    wa(article, 'urn:uuid:0f3c-5', '👨‍👩‍👧‍👦', 'claim', positions=False),
]
write('web-annotation/codepoints.jsonld', json.dumps({
    '@context': 'http://www.w3.org/ns/anno.jsonld', 'id': 'https://example.org/collections/1', 'type': 'AnnotationCollection',
    'label': 'Fixture', 'total': len(cp_items), 'first': {'type': 'AnnotationPage', 'startIndex': 0, 'items': cp_items}}, ensure_ascii=False, indent=2))

# Hypothesis and Recogito count positions in UTF-16 units (JavaScript string lengths).
u16_items = [
    {'@context': 'http://www.w3.org/ns/anno.jsonld', **wa(article, 'https://hyp.example/a/1', 'Alma-Ata 🇰🇿', 'deployment', unit=u16, creator='acct:carol@hyp.example')},
    {'@context': 'http://www.w3.org/ns/anno.jsonld', **wa(article, 'https://hyp.example/a/2', '𝟐𝟎 thousand troops arrived', 'deployment', unit=u16, creator='acct:carol@hyp.example')},
]
write('web-annotation/utf16.jsonld', json.dumps(u16_items, ensure_ascii=False, indent=2) + '\n')

drift = json.loads(json.dumps(u16_items))
drift[1]['target']['selector'][1]['start'] += 3
write('web-annotation/drifted.jsonld', json.dumps(drift, ensure_ascii=False, indent=2) + '\n')
