#!/usr/bin/env python3
"""Writes the sample submissions of tests/linking/samples/ and tests/linking/expected.tsv.

The samples are fictional views written by the Provisio team in the style of what the T&C sector
sends during a consultation (no real firm, person or letter). They are kept here in readable UTF-8;
this script encodes them in the charsets and formats they "arrived" in (Big5 and GB18030 emails
with encoded-word headers, .docx, .html, legacy-charset .txt). The generated files are committed,
so the tests and `make eval-link` do not need Python; rerun this only to change the samples.

expected.tsv: file name, then the provisions and consultation questions a careful officer would link,
most important first.
"""
import base64, os, quopri, zipfile, io, sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "samples")

MIME_NAMES = {"big5": "Big5", "big5hkscs": "Big5-HKSCS", "gb18030": "GB18030", "gb2312": "GB2312", "utf-8": "UTF-8"}

def ew(text, charset):
    """An RFC 2047 encoded word, with the charset's MIME name."""
    return "=?%s?B?%s?=" % (MIME_NAMES[charset], base64.b64encode(text.encode(charset)).decode("ascii"))

def mail(sender_name, sender_addr, subject, date, body, charset, cte="base64", html=False, header_charset=None):
    hc = header_charset or charset
    name = ew(sender_name, hc) if any(ord(c) > 127 for c in sender_name) else '"%s"' % sender_name
    subj = ew(subject, hc) if any(ord(c) > 127 for c in subject) else subject
    raw = body.encode(charset)
    if cte == "base64":
        enc = base64.encodebytes(raw).replace(b"\n", b"\r\n")
    else:
        enc = quopri.encodestring(raw).replace(b"\n", b"\r\n") + b"\r\n"
    head = ("From: %s <%s>\r\nTo: views@hkctc.example\r\nSubject: %s\r\nDate: %s\r\nMIME-Version: 1.0\r\n"
            % (name, sender_addr, subj, date)).encode("ascii")
    if html:
        plain_part = (b"--b1\r\nContent-Type: text/plain; charset=" + MIME_NAMES[charset].encode() +
                      b"\r\nContent-Transfer-Encoding: " + cte.encode() + b"\r\n\r\n" + enc)
        html_body = ("<html><body>" + "".join("<p>%s</p>" % p for p in body.split("\n\n")) + "</body></html>").encode(charset)
        html_part = (b"--b1\r\nContent-Type: text/html; charset=" + MIME_NAMES[charset].encode() +
                     b"\r\nContent-Transfer-Encoding: base64\r\n\r\n" + base64.encodebytes(html_body).replace(b"\n", b"\r\n"))
        return (head + b'Content-Type: multipart/alternative; boundary="b1"\r\n\r\n' + plain_part + html_part + b"--b1--\r\n")
    return (head + b"Content-Type: text/plain; charset=" + MIME_NAMES[charset].encode() + b"\r\nContent-Transfer-Encoding: " +
            cte.encode() + b"\r\n\r\n" + enc)

def docx(paragraphs):
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    esc = lambda t: t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    body = "".join('<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>' % esc(p) for p in paragraphs)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        # A fixed time stamp, so that running the script again writes the same bytes.
        def entry(name):
            info = zipfile.ZipInfo(name, date_time=(2019, 5, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            return info
        z.writestr(entry("[Content_Types].xml"), '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr(entry("word/document.xml"), '<?xml version="1.0" encoding="UTF-8"?><w:document %s><w:body>%s</w:body></w:document>' % (ns, body))
    return buf.getvalue()

def html(title, paragraphs, charset="utf-8"):
    return ("<!DOCTYPE html><html><head><meta charset=\"%s\"><title>%s</title></head><body><h1>%s</h1>%s"
            "<footer>Sent from our web form</footer></body></html>" % (charset, title, title, "".join("<p>%s</p>" % p for p in paragraphs))).encode(charset)

Q1, Q2, Q3, QO = "hkctc-views-2019/q1", "hkctc-views-2019/q2", "hkctc-views-2019/q3", "hkctc-views-2019/other"

SAMPLES = []
LANG = "en"  # the language of the samples added next (set at each section below)
def add(name, data, expected):
    SAMPLES.append((name, LANG, data, expected))

def half_by_rule(samples):
    """The split of tests/linking/link_expectations.h: samples judged to the same set of links are
    one unit; units, in the order of their first sample, alternate tuning, held-out, tuning..."""
    units, out = {}, []
    for _, _, _, expected in samples:
        key = frozenset(expected)
        units.setdefault(key, len(units) + 1)
        out.append("tuning" if units[key] % 2 == 1 else "held-out")
    return out

# ---- English ----
add("01-ccc-all-products.txt", """Dear Secretariat,

Our laboratory group has been doing CCC testing for Hong Kong-processed products since the first pilot. We ask HKCTC to press for the CCC market to be opened further: Hong Kong testing organisations should be able to test all CCC products, wherever they are made, and not only products processed in Hong Kong or made in the Mainland.

We would also welcome Hong Kong certification bodies being designated to issue CCC certificates.

Yours faithfully,
Harbour Test Labs Ltd""".encode(), [Q1, "cepa-tis/a1/t2/1fe/1", "cepa-etc/art23/8"])

add("02-cma-mark.eml", mail("Kowloon Materials Testing", "director@kmt.example.hk", "Views: CMA qualification",
    "Tue, 14 May 2019 09:12:00 +0800",
    """Dear Sir/Madam,

Our construction materials reports are rarely accepted by Mainland clients because we do not hold the CMA qualification and cannot put the CMA mark on our reports. Mainland developers ask us to repeat the tests at a Mainland laboratory.

We propose that Hong Kong testing bodies accredited by HKAS be allowed to obtain the CMA qualification, at least for work in the Greater Bay Area.

Regards,
Kowloon Materials Testing""", "utf-8", cte="quoted-printable"), [Q2, "cepa-tig/art58/1"])

add("03-gba-promotion.txt", """To HKCTC,

We support promoting Hong Kong testing and certification services to manufacturers in the Greater Bay Area. Our company would like to send two representatives to the China Hi-Tech Fair in Shenzhen and to Chic.HK in Guangzhou.

Many small factories in Dongguan and Foshan do not know that Hong Kong laboratories can serve them. Seminars with the trade associations would help.

Pearl Delta Quality Services""".encode(), [Q3, "odp/hk-tc-services"])

add("04-obstacles.txt", """Submission on difficulties in the Mainland market

When we tried to set up a testing company in Shenzhen, the local authority asked for documents that Mainland-owned firms do not have to produce, and the approval took more than a year. Our Mainland subsidiary is still not treated in the same way as Mainland enterprises when it applies for testing and certification qualifications.

We ask that Hong Kong-invested testing and certification bodies get the same treatment as Mainland bodies, as CEPA promises.

Lion Rock Inspection Group""".encode(), [QO, "cepa-s10/ts/1fe/same-treatment"])

add("05-food-testing.docx", docx([
    "Views of the Food Testing Laboratories Association",
    "Our members test food exported from Guangdong to Hong Kong every day. The pilot that lets Hong Kong bodies do certification testing in the food category in Guangdong is welcome, but it should cover more food products and be extended beyond Guangdong.",
    "We also ask for closer cooperation on food safety standards and traceability of food origin in the Greater Bay Area.",
    ]), ["cepa-s9/ts/1fe/food-gd", "odp/ch8/food-safety", Q1])

add("06-mutual-recognition-electrical.html", html("Views on mutual recognition", [
    "We manufacture household electrical appliances in Hong Kong and sell them on the Mainland.",
    "The same product is tested twice: once for export markets under the IECEE CB Scheme and again for the Mainland. Mutual recognition of certification results for electrical and electronic products would save our members months.",
    "We ask HKCTC to seek acceptance of Hong Kong test results and certificates on the Mainland.",
    ]), ["cepa-tig/art58/2", Q2, "cepa-s7/ttf/iecee-cb"])

add("07-factory-inspection.txt", """Dear HKCTC,

As a certification body we would like to carry out CCC factory inspections and post-certification sampling for our clients' factories outside China, under cooperation agreements with designated Mainland certification bodies. The filing procedure for such cooperation agreements should be simplified.

Best regards,
Victoria Certification Ltd""".encode(), ["cepa-tis/a1/t2/1fe/2", "cepa-tis/a1/t2/1fe/3", Q1])

add("08-cma-and-ccc.eml", mail("Tsing Yi Testing Centre", "info@tytc.example.hk", "Two issues: CCC and CMA",
    "Wed, 15 May 2019 16:40:00 +0800",
    """Dear Secretariat,

We raise two issues.

First, the CCC market: Hong Kong laboratories should be allowed to do CCC testing for all CCC products, not only those processed in Hong Kong.

Second, acceptance of our results: Mainland customers ask for the CMA mark on reports, which we cannot give because we have no CMA qualification. Please seek CMA qualification for Hong Kong testing bodies.

Tsing Yi Testing Centre""", "utf-8", html=True), [Q1, Q2, "cepa-tis/a1/t2/1fe/1"])

add("09-voluntary-certification.txt", """Submission

Our company offers voluntary product certification. The Guangdong pilot allowing certification testing in voluntary certification fields has helped, but the scope of products is narrow. We suggest widening voluntary certification testing to all products made in Hong Kong or the Mainland, throughout the Mainland.

Sai Kung Certification""".encode(), ["cepa-gd/xb/1fe/vol", "cepa-s10/ts/1fe/vol-gd", Q1])

add("10-inspection-bodies.txt", """Views from a surveying and inspection company

We inspect cargo and ships. Hong Kong inspection companies still cannot set up commodity inspection and surveying bodies in the Mainland on the same terms, and Mainland-registered ships are reserved. We ask for these reservations on inspection services to be removed.

Tai Kok Tsui Surveyors""".encode(), ["cepa-tis/a1/t1/11/cpc749/1", "cepa-tis/a1/t1/1fe/1", QO])

add("11-gba-certification.txt", """Dear HKCTC,

The GBA Certification scheme, certifying quality against common Greater Bay Area standards, is a good start. Hong Kong certification bodies should take a leading part in it, and more product standards should be added so that our members can use one certificate across the Bay Area.

Bay Area Quality Alliance""".encode(), ["gba-cert/2023", Q3])

add("12-low-risk-goods.txt", """Submission on trade facilitation in the Greater Bay Area

Importers of low-risk goods such as garments and toys face repeated inspection at the boundary. We propose mutual recognition of inspection and quarantine results for low-risk goods, and wider acceptance of third-party inspection, testing and certification results from Hong Kong.

Hong Kong Importers Forum""".encode(), ["cepa-tig/art68/v", "cepa-tig/art68/vi", Q2])

# ---- Traditional Chinese ----
LANG = "zh-Hant"
add("13-ccc-big5.eml", mail("陳大文", "tmchan@lab.example.hk", "就進一步開放CCC市場的意見",
    "Mon, 20 May 2019 10:15:00 +0800",
    """敬啟者：

本公司自CEPA補充協議實施以來一直為香港加工的產品進行強制性產品認證（CCC）檢測。我們建議進一步開放CCC市場，容許香港檢測機構為所有CCC產品進行檢測，不論產品在何處生產。

此外，希望香港認證機構亦可獲指定簽發CCC證書。

香港精密測試有限公司
陳大文""", "big5"), [Q1, "cepa-tis/a1/t2/1fe/1", "cepa-etc/art23/8"])

add("14-cma-big5.eml", mail("李美玲", "may.lee@qa.example.hk", "有關資質認定（CMA）的建議",
    "Tue, 21 May 2019 14:02:00 +0800",
    """致香港檢測和認證局：

內地客戶經常不接受我們的檢測報告，原因是我們沒有檢驗檢測機構資質認定（CMA），報告不能加蓋CMA標誌。

建議容許香港的認可實驗所在大灣區取得資質認定，令香港的檢測結果在內地獲得採信。

品質保證實驗室
李美玲""", "big5"), [Q2, "cepa-tig/art58/1"])

add("15-gba-promotion-big5.txt", """香港檢測和認證局：

我們支持在大灣區推廣香港的檢測認證服務。本會願意派代表參加深圳高交會及廣州的推廣活動，並建議與內地商會合辦研討會，讓大灣區內地城市的企業認識香港實驗所的服務。

香港檢測認證業協會""".encode("big5"), [Q3, "odp/hk-tc-services"])

add("16-hkscs-cantonese.eml", mail("黃志強", "wong@smalllab.example.hk", "我哋嘅意見",
    "Wed, 22 May 2019 18:30:00 +0800",
    """你好，

我哋係一間細規模嘅實驗所。喺內地開公司做檢測，啲手續好複雜，審批要成年，內地公司就唔使咁麻煩。希望港資檢測機構可以同內地機構有同等待遇。

黃志強""", "big5hkscs", header_charset="big5hkscs"), [QO, "cepa-s10/ts/1fe/same-treatment"])

add("17-mutual-recognition-trad.html", html("互認意見", [
    "本公司在香港生產電子電器產品，銷往內地時須再次檢測。",
    "建議推動兩地相互承認電子電器產品的認證結果，並協助香港實驗所加入IECEE CB體系等國際互認安排。",
    ]), ["cepa-tig/art58/2", "cepa-s7/ttf/iecee-cb", Q2])

add("18-food-trad.docx", docx([
    "食品檢測業界意見書",
    "我們歡迎容許香港機構在廣東省進行食品類別認證檢測的先行先試措施，但希望擴大至更多食品及廣東以外地區。",
    "另建議加強大灣區食品安全合作及食品溯源。",
    ]), ["cepa-s9/ts/1fe/food-gd", "odp/ch8/food-safety"])

add("19-factory-inspection-big5.txt", """敬啟者：

本認證機構希望可與內地指定認證機構簽訂合作協議，在全球範圍為CCC產品進行工廠檢查及獲證後的抽樣檢測，並希望合作協議的備案手續可以簡化。

維港認證有限公司""".encode("big5"), ["cepa-tis/a1/t2/1fe/2", "cepa-tis/a1/t2/1fe/3", Q1])

add("20-ccc-and-promotion-trad.txt", """致檢測認證局：

本會有兩項意見。

一、進一步開放強制性產品認證（CCC）市場，讓香港實驗所可為在內地生產的所有CCC產品進行檢測。

二、加強在大灣區推廣香港檢測認證服務，鼓勵大灣區企業使用香港的服務。

九龍工業總會""".encode(), [Q1, Q3, "cepa-tis/a1/t2/1fe/av", "odp/hk-tc-services"])

add("21-inspection-trad.txt", """驗貨業意見

香港驗貨公司至今仍未能以相同條件在內地設立商檢及公證鑑定機構，內地註冊船舶的檢驗亦不開放。請爭取取消這些檢驗服務的限制。

東方驗貨有限公司""".encode(), ["cepa-tis/a1/t1/11/cpc749/1", "cepa-tis/a1/t1/1fe/1", QO])

add("22-nansha-traceability-big5.eml", mail("張家豪", "kh.cheung@trace.example.hk", "南沙質量溯源中心",
    "Thu, 23 May 2019 11:11:00 +0800",
    """各位好，

本公司從事進出口商品的品質檢測。南沙建設全球進出口商品質量溯源中心，香港檢測機構應可參與，為經南沙進出口的貨品提供檢測及溯源服務。

張家豪""", "big5"), ["odp/ch9/s2/2-nansha", Q3])

# ---- Simplified Chinese ----
LANG = "zh-Hans"
add("23-cma-gb18030.eml", mail("王小明", "wang@testing.example.cn", "关于资质认定的意见",
    "Fri, 17 May 2019 09:00:00 +0800",
    """尊敬的香港检测和认证局：

我们在深圳设有合作实验室。内地用户普遍要求检测报告加盖CMA标志，香港检测机构因没有资质认定，报告难以获得采信。建议推动香港检测机构在粤港澳大湾区取得资质认定。

王小明""", "gb18030", cte="quoted-printable"), [Q2])

add("24-ccc-gb18030.txt", """香港检测和认证局：

建议进一步开放强制性产品认证（CCC）市场，让香港检测机构可以为所有CCC产品进行检测，并让港资在内地设立的认证机构获指定为CCC认证机构。

深港检测联盟""".encode("gb18030"), [Q1, "cepa-tis/a1/t2/1fe/1", "cepa-etc/art23/8"])

add("25-ftz-gb2312.eml", mail("刘伟", "liu.wei@ftz.example.cn", "自贸区认证检测互认",
    "Mon, 13 May 2019 15:20:00 +0800",
    """您好：

广东自由贸易试验区已试行粤港澳认证及相关检测业务互认。建议扩大互认范围，并向香港及澳门认证检测机构进一步开放自贸区的认证检测市场。

刘伟""", "gb2312"), ["cepa-tis/a1/t2/1fe/5", "cnca-2015/ann7-8", Q1])

add("26-promotion-simp.html", html("大湾区推广", [
    "我们建议香港检测和认证局在大湾区加强推广香港检测认证服务。",
    "可在深圳高交会设立展位，并组织大湾区内地企业参观香港实验所。",
    ], charset="gb18030"), [Q3, "odp/hk-tc-services"])

add("27-same-treatment-simp.txt", """意见书

港资检测认证机构在内地申请资质时，仍未获得与内地机构同等的待遇，审批时间长，门槛高。希望落实CEPA的国民待遇承诺。

此外，香港专业人员在内地以合同服务提供者身份提供服务亦有困难。

粤港检测服务有限公司""".encode(), ["cepa-s10/ts/1fe/same-treatment", "cepa-s10/ts/1fe/mnp", QO])

add("28-food-simp.eml", mail("陈静", "chen.jing@food.example.cn", "食品检测意见",
    "Tue, 14 May 2019 10:45:00 +0800",
    """您好：

希望扩大香港机构在广东进行食品类别认证检测的试点范围，并加强粤港食品安全及食用农产品溯源合作。

陈静""", "gb18030"), ["cepa-s9/ts/1fe/food-gd", "odp/ch8/food-safety"])

# ---- more English, several issues ----
LANG = "en"
add("29-three-issues.docx", docx([
    "Submission of the Association of Hong Kong Testing Laboratories",
    "1. CCC: we ask that Hong Kong laboratories may test all CCC products made in the Mainland and elsewhere.",
    "2. CMA: Mainland users rarely accept Hong Kong reports without the CMA mark. Hong Kong testing bodies need the CMA qualification.",
    "3. Promotion: HKCTC should promote Hong Kong testing and certification services to enterprises in the Greater Bay Area.",
    ]), [Q1, Q2, Q3, "cepa-tis/a1/t2/1fe/1"])

add("30-professionals.txt", """Dear HKCTC,

Our engineers are often asked to work on projects in Guangdong as contractual service providers, but the rules for the movement of natural persons are unclear and the permits take long to obtain. We ask for simpler arrangements for Hong Kong testing and certification professionals.

Castle Peak Engineering Testing""".encode(), ["cepa-s10/ts/1fe/mnp", "cepa-tis/a1/t2/1fe/7", QO])

add("31-iecee-ncb.txt", """Views on international recognition

A Hong Kong certification body should be recommended to join the IECEE as a National Certification Body, so that CB Scheme certificates issued in Hong Kong are accepted worldwide. The Mainland should also help Hong Kong laboratories to become CB testing laboratories.

Sha Tin Electrical Certification""".encode(), ["cepa-etc/art23/7", "cepa-s7/ttf/iecee-cb", QO, "cepa-etc/art23/6"])

add("32-single-window.txt", """Submission

Clearance at the boundary is slow. The Greater Bay Area should build a single window and mutual recognition among the boundary control authorities, and the inspection results of Hong Kong third-party bodies should be accepted for goods crossing the boundary.

Lok Ma Chau Logistics""".encode(), ["odp/ch9/s2/2", "cepa-tig/art68/vi"])

# ---- 2026 additions (issue 16): the styles that arrive in real consultations, each dated, so that
# the links are the measures of the letter's own day. Press reports quoting industry leaders,
# chamber letters to a department, letters about the measures of their day, long PDFs raising
# several issues. All fictional, written by the Provisio team.

def pdf(pages, header):
    """A multi-page PDF with a text layer (pango-view, WenQuanYi Zen Hei, as tests/test_intake.cc
    makes them), one page per entry of `pages`, each with a running header and a page number that
    the reader is expected to drop. pdfunite joins the pages."""
    import subprocess, tempfile
    with tempfile.TemporaryDirectory() as tmp:
        names = []
        for n, text in enumerate(pages, 1):
            name = os.path.join(tmp, "p%d.pdf" % n)
            body = "%s\n\n%s\n\n- %d -" % (header, text, n)
            subprocess.run(["pango-view", "--no-display", "--margin=60", "--font=WenQuanYi Zen Hei 11",
                            "--width=470", "--wrap=word-char", "--output=" + name, "--text=" + body],
                           check=True, stderr=subprocess.DEVNULL)
            names.append(name)
        out = os.path.join(tmp, "all.pdf")
        subprocess.run(["pdfunite"] + names + [out], check=True)
        with open(out, "rb") as f:
            return f.read()

LANG = "en"
add("33-press-factory-inspection-2026.txt", """PRESS RELEASE

Hong Kong, 12 October 2026

Hong Kong certifiers now inspect CCC factories around the world

Hong Kong certification bodies have begun sending their own auditors to factories in Vietnam and Malaysia that make products for the China Compulsory Certification scheme. "Since March last year our inspectors can go wherever the factory is, not only to the Mainland," said Dr Alan Fung, chairman of the Victoria Certification Alliance. "We work under a cooperation agreement with a designated Mainland certification body, and these agreements are now simply filed rather than approved."

Ms Rita Ho, managing director of Peak Compliance Services, said the follow-up sampling of certified products after certification had also become part of their work abroad. "Brands want one partner for the factory inspection and for the samples taken after certification. Our HKAS accreditation for the product categories is what makes this possible."

The Alliance will ask the Government to publicise the measure to exporters in Southeast Asia.

Media enquiries: press@vca.example.hk""".encode(), ["cepa-tis/a1/t2/1fe/2", "cepa-tis/a1/t2/1fe/3"])

add("34-chamber-guangdong-2015.txt", """Hong Kong Chamber of Testing Enterprises
20 January 2015

Director-General of Trade and Industry
Trade and Industry Department

Dear Director-General,

The Guangdong Agreement signed last December

Our members welcome the Guangdong Agreement and ask the Department to explain three of its testing measures to the sector before they take effect in March.

First, Hong Kong laboratories may cooperate with designated Mainland bodies on CCC testing of audio and visual apparatus designed and prototyped in Hong Kong and made in Guangdong. Members need to know which designated bodies will sign cooperation agreements.

Second, for voluntary product certification the goods our laboratories may test are widened to those made or processed in Hong Kong or in the Mainland. Please confirm how the results will be accepted by Mainland certification bodies.

Third, members setting up a commercial presence in Guangdong are to receive the same treatment as Mainland enterprises, apart from the reserved measures. Some members plan wholly owned companies in Dongguan and would value guidance.

Yours sincerely,
Winnie Lam
Chairman""".encode(), ["cepa-gd/xb/1fe/av-ccc", "cepa-gd/xb/1fe/vol", "cepa-gd/cp/1fe/nt"])

add("35-supplement-vii-2010.txt", """15 June 2010

To the Innovation and Technology Commission

Supplement VII to CEPA

We read with interest that under Supplement VII, signed last month, accredited testing laboratories in Hong Kong will be allowed, as a pilot, to test products processed in Hong Kong for China Compulsory Certification, working with designated Mainland bodies. Our laboratory holds HOKLAS accreditation for electrical safety and is ready to take part from January. Please tell us which products are in the pilot and how we apply.

We also welcome the undertaking to help Hong Kong laboratories join international recognition schemes. We would like to become a CB Testing Laboratory under the IECEE CB Scheme, which needs the sponsorship of a national member body.

Yours faithfully,
Kwun Tong Electrical Laboratory""".encode(), ["cepa-s7/ts/1fe/ccc-pilot", "cepa-s7/ttf/iecee-cb"])

add("36-annex6-cooperation-2004.txt", """3 March 2004

Dear Sirs,

CEPA: cooperation on inspection, food safety and standards

As an importer and tester of food and consumer goods, we welcome the trade and investment facilitation chapter of CEPA that took effect this January. We hope the cooperation on commodity inspection and quarantine, food safety, quality and standardisation in Annex 6 will lead to regular meetings between the inspection authorities of both sides and to an exchange of information on food incidents.

We also ask that the standards of the two sides be brought into conformity where possible and that the rules be made more transparent, so that exporters know which tests are needed before goods cross the boundary.

Yours faithfully,
Pearl Food Inspection Ltd""".encode(), ["cepa/a6/ciq-fs-qs", "cepa/ch5/art17", "cepa/ch5/art16"])

add("37-exchange-of-letters-2018.eml", mail("Tony Leung", "tony.leung@emc.example.hk", "The new CCC measure announced this week",
    "Tue, 18 Dec 2018 17:05:00 +0800",
    """Dear Secretariat,

We were glad to learn of the Exchange of Letters signed this week, which will let Hong Kong testing organisations do CCC testing of every product in the CCC catalogue made anywhere in the Mainland, and no longer only audio and visual apparatus designed in Hong Kong and made in Guangdong.

Our laboratory already tests audio and visual apparatus under the present arrangement. We ask that the Mainland designated bodies be told of the wider scope in good time before it starts in March, and that HKAS be ready for the new accreditation requests.

Tony Leung
EMC Lab Hong Kong""", "utf-8"), ["cepa-tis/a1/t2/1fe/av"])

add("38-consultation-long.pdf", pdf([
    """Submission to the Hong Kong Council for Testing and Certification: views on liberalisation under CEPA

Date: 20 May 2019

From: Kowloon Bay Testing and Inspection Group

We are a group of four laboratories and one certification body serving toy, textile, electrical and building-material clients. This submission answers the call for views and raises four issues that our members met in the past two years. We have numbered them so that the Council can refer to them.

1. Opening the CCC market further. We ask the Council to press for Hong Kong testing organisations to be allowed to test every product that needs China Compulsory Certification, whatever the place of manufacture. Our members turn away clients whose products are made outside Hong Kong.""",
    """2. CCC factory inspections. At present Hong Kong certification bodies may inspect factories only within the Guangdong Pilot Free Trade Zone. Most factories of our clients lie in Dongguan and Huizhou, outside the zone. We ask that the inspections be allowed in the whole of the Mainland.

3. Acceptance of Hong Kong reports. Mainland developers and importers seldom accept our reports because we do not hold the CMA qualification and cannot use the CMA mark. We ask the Council to seek a way for Hong Kong laboratories to obtain the qualification.""",
    """4. The Greater Bay Area. We support the promotion of Hong Kong testing and certification services to enterprises of the Greater Bay Area, and we would take part in seminars in Shenzhen and Guangzhou and in trade fairs if the Council organises them.

We thank the Council for the chance to give our views and are ready to meet the Secretariat.

Kowloon Bay Testing and Inspection Group"""], "Kowloon Bay Testing and Inspection Group - Submission to HKCTC"),
    [Q1, "cepa-tis/a1/t2/1fe/2", Q2, Q3])

add("39-chamber-supplement-x-2014.txt", """The Hong Kong Association of Certification Bodies

10 February 2014

Commissioner for Innovation and Technology

Dear Commissioner,

Supplement X: equal treatment and our professionals

Supplement X took effect on the first of January. Two of its testing and certification measures matter most to our members.

Bodies set up in the Mainland by Hong Kong service suppliers, wholly owned or as joint ventures, are to be treated as Mainland bodies when CCC certification bodies and laboratories are designated. We ask the Commission to find out from CNCA how applications will be handled and whether any member has been designated yet.

Our members also wish to send engineers to the Mainland as contractual service providers to carry out testing, inspection and certification there. We ask for the implementation guide to be explained to the sector.

Yours sincerely,
Samuel Ip
Honorary Secretary""".encode(), ["cepa-s10/ts/1fe/same-treatment", "cepa-s10/ts/1fe/mnp"])

add("40-press-gba-certification-2024.html", html("Industry leaders welcome GBA Certification", [
    "Hong Kong, 8 January 2024",
    "Business leaders in Hong Kong testing and certification welcomed the launch of GBA Certification last month. Products and services can now be certified against common Greater Bay Area standards by certification bodies of Guangdong, Hong Kong and Macao working together.",
    "&ldquo;A single mark recognised in all three places is what our clients have asked for,&rdquo; said Mr Patrick Yeung, president of a Hong Kong certification federation. &ldquo;The first GBA Standards cover food, traditional Chinese medicine and services; we hope the list grows fast.&rdquo;",
    "Ms Joyce Tam, a consumer-products manufacturer, said her company would apply for the certification for its kitchen appliances in the spring.",
]), ["gba-cert/2023"])

add("41-supplement-viii-2012.eml", mail("Grace Chow", "grace@qualitylab.example.hk", "CCC testing after Supplement VIII",
    "Wed, 16 May 2012 10:30:00 +0800",
    """Dear Sir or Madam,

Since April our laboratory may take on CCC testing of every product in the CCC catalogue processed in Hong Kong, and not only the four product types of the first pilot. We cooperate with a designated Mainland certification body.

Few of our clients still process goods in Hong Kong, so the measure helps less than hoped. We would welcome the inclusion of products processed in the Mainland by Hong Kong manufacturers.

Grace Chow
Quality Lab Hong Kong""", "utf-8", cte="quoted-printable"), ["cepa-s8/ts/1fe/ccc-all-hk-processed"])

add("42-inspection-bodies-2021.txt", """18 March 2021

To the Secretariat of HKCTC

CCC factory inspections after the SAMR announcement

Since the State Administration for Market Regulation cancelled the licence for designating CCC-related inspection bodies, factory inspections are done by the certification bodies themselves. Our certification body inspects CCC factories anywhere in the Mainland under the Amendment Agreement, together with a Mainland CCC certification body. We ask the Council to confirm with SAMR that Hong Kong certification bodies cooperating in this way are not affected by the change.

Lantau Certification Services Ltd""".encode(), ["samr-2020/ccc-inspection-bodies", "cepa-tis/a1/t2/1fe/2"])

LANG = "zh-Hant"
add("43-press-cma-gba-2019.txt", """新聞稿

2019年3月28日

業界領袖冀港產檢測報告獲內地接受

香港多家實驗所負責人今日表示，內地客戶往往不接受香港的檢測報告，主因是本地實驗所沒有資質認定（CMA），報告不能加蓋CMA標誌。

香港測試業協會主席馬家輝博士說：「我們的報告在國際上獲得承認，但在大灣區的內地城市卻要重做測試，既浪費時間亦增加成本。」

另一名業界領袖、驗證集團行政總裁蕭敏儀女士則指出，《粵港澳大灣區發展規劃綱要》支持大灣區企業使用香港的檢測認證服務，業界希望政府加強在大灣區推廣香港的檢測認證服務。""".encode("utf-8"), [Q2, Q3, "odp/hk-tc-services"])

add("44-chamber-nansha-2015.txt", """香港檢測認證商會

2015年5月6日

工業貿易署署長：

有關在南沙設立分支機構的查詢

國家認監委早前公布，鼓勵香港及澳門的認證、認可、檢驗及檢測機構在南沙的檢驗檢測高技術服務集聚區設立分支機構，並在廣東自由貿易試驗區開放認證檢測業務。本會多名會員有意在南沙設立公司。

另外，根據廣東協議，香港的檢測認證企業在廣東設立商業存在，可享有與內地企業相同的待遇。請署方說明申請的手續及所需時間。

香港檢測認證商會
主席　梁國華""".encode("big5"), ["cnca-2015/ann7-8", "cepa-gd/cp/1fe/nt"])

add("45-food-pilot-2013.eml", mail("何美玲", "mlho@foodlab.example.hk", "補充協議九：廣東食品檢測先行先試",
    "Mon, 11 Mar 2013 09:40:00 +0800",
    """敬啟者：

補充協議九今年一月起實施，容許香港檢測機構在廣東省以先行先試方式承擔食品類別的認證檢測。本實驗所專門做食品化學及微生物測試，希望盡快參與。

請告知廣東的認證機構如何與香港實驗所簽訂合作協議，以及是否需要額外的認可。

食品安全實驗所
何美玲""", "big5"), ["cepa-s9/ts/1fe/food-gd"])

add("46-amendment-ii-long.pdf", pdf([
    """致香港檢測和認證局秘書處

日期：2025年4月15日

《服務貿易協議》第二份修訂協議的意見

本公司是香港的認證機構，獲香港認可處認可，與內地指定的CCC認證機構合作。第二份修訂協議今年三月起實施，我們有以下三點意見。

一、工廠檢查。香港認證機構現可在全球任何地方進行CCC工廠檢查，合作協議亦改為備案。我們希望局方向東南亞的製造商推廣這項措施。""",
    """二、獲證後監督抽樣。獲證後的跟蹤檢測抽樣同樣擴展至全球，但不少內地認證機構仍未熟悉新安排，希望局方與國家認監委溝通。

三、國家認證機構。我們再次建議內地推薦一家香港認證機構加入國際電工委員會電工產品合格測試與認證組織（IECEE），成為國家認證機構（NCB），令香港發出的CB證書更易獲接受。""",
    """以上意見供局方參考。如有需要，本公司樂意提供更多資料。

維港認證有限公司
總經理　鄭志明"""], "維港認證有限公司 — 意見書"),
    ["cepa-tis/a1/t2/1fe/2", "cepa-tis/a1/t2/1fe/3", "cepa-etc/art23/7"])

add("47-supplement-vii-2010-trad.txt", """2010年7月8日

創新科技署：

關於補充協議七的CCC測試試點

補充協議七已於五月簽署。根據協議，獲香港認可處認可的香港實驗所可以先行先試，與內地指定機構合作，為在香港加工的部分產品進行中國強制性產品認證（CCC）的檢測。本實驗所從事電器安全測試多年，希望明年一月起參與試點。

請告知試點涵蓋哪些產品，以及申請程序。

新界電器測試中心""".encode("big5"), ["cepa-s7/ts/1fe/ccc-pilot"])

add("48-exchange-of-letters-2018-trad.txt", """新聞稿

2018年12月20日

業界歡迎CCC市場進一步開放

香港與內地本周簽署換文，明年三月起，香港檢測機構可以為在內地任何地方生產或加工的所有CCC目錄產品進行強制性產品認證檢測，不再限於在廣東生產、在香港設計的影音產品。

香港電子產品測試商會會長黃振邦表示：「這是業界多年來的期望。我們會盡快與內地指定機構簽訂合作協議。」""".encode("utf-8"), ["cepa-tis/a1/t2/1fe/av"])

LANG = "zh-Hans"
add("49-chamber-trade-in-goods-2019.txt", """致商务部台港澳司：

2019年1月15日

关于《货物贸易协议》合格评定条款的建议

本商会会员主要从事电子电器产品的检测认证。《货物贸易协议》今年一月一日起实施，其中双方同意探讨推进原产于内地或香港的电子电器产品认证结果互认，并为接受对方的合格评定结果提供便利。

我们建议尽快就电子电器产品认证结果的相互承认订立具体安排，并公布时间表，以减少重复检测，降低企业的合规成本。

香港电子电器检测商会
秘书长　周子健""".encode("gb18030"), ["cepa-tig/art58/2", "cepa-tig/art58/1"])

add("50-press-amendment-2020.html", html("修订协议实施 港检测机构业务扩大", [
    "2020年6月2日",
    "《服务贸易协议》修订协议于6月1日起实施。香港检测机构今后可以为任何地方生产的CCC产品进行检测，不再受产地限制。",
    "香港检测认证联会主席杨振华表示：“这次开放范围很大，业界期待已久。”他又指出，香港认证机构现在可以与内地CCC认证机构合作，在内地进行获证后监督的跟踪检测抽样，这是一项全新的措施。",
], "utf-8"), ["cepa-tis/a1/t2/1fe/1", "cepa-tis/a1/t2/1fe/3"])

add("51-voluntary-2014.eml", mail("赵丽华", "zhao.lihua@cert.example.cn", "补充协议十：自愿性认证检测",
    "Thu, 20 Feb 2014 14:10:00 +0800",
    """尊敬的秘书处：

补充协议十自今年一月起实施，广东的先行先试由食品扩大到其他自愿性产品认证领域，香港的检测机构可以承担相关的认证检测。本公司希望与香港的实验室合作。

此外，协议提出双方推动自愿性认证结果的互认。我们希望了解具体安排何时公布。

赵丽华
广州质量认证有限公司""", "gb18030"), ["cepa-s10/ts/1fe/vol-gd", "cepa-s10/ttf/a6-524/voluntary-mutual-recognition"])

add("52-consultation-long-simp.pdf", pdf([
    """致香港检测和认证局

日期：2019年5月22日

关于检测认证业进一步开放的意见

本公司在深圳及香港设有实验室，服务进出口贸易商。现就贵局的咨询提出四点意见。

一、进一步开放CCC市场。希望香港检测机构可以为所有CCC产品进行检测，不论产品在何处生产。

二、资质认定。内地客户要求报告加盖CMA标志，香港实验室没有资质认定，报告难以获得采信。""",
    """三、低风险货物。建议在大湾区推动低风险货物检验检疫结果的互认，减少货物在口岸的重复检验。

四、第三方结果。建议扩大采信香港第三方检验、检测和认证机构结果的商品范围和机构范围，加快货物通关。""",
    """以上意见，敬请考虑。

深港联合检测有限公司"""], "深港联合检测有限公司 意见书"),
    [Q1, Q2, "cepa-tig/art68/v", "cepa-tig/art68/vi"])

add("53-annex6-2004-simp.txt", """2004年5月10日

关于CEPA商品检验检疫合作的意见

CEPA今年一月一日起实施。本公司从事进出口食品的检验，希望两地在商品检验检疫、食品安全、质量标准化方面加强合作，定期交流信息，建立食品安全事故的通报机制。

我们也建议两地的检验检疫部门加强交流，相互了解对方的检验要求。

华南食品检验有限公司""".encode("gb18030"), ["cepa/a6/ciq-fs-qs", "cepa/ch5/art17"])

LANG = "en"
add("54-press-iecee-2017.txt", """NEWS

Hong Kong, 5 July 2017

Certifiers look to IECEE after the new Ecotech Agreement

Hong Kong's electrical certifiers hope that the Economic and Technical Cooperation Agreement signed last week will at last bring a Hong Kong body into the IECEE as a National Certification Body. "The Mainland says it will actively consider nominating a qualified Hong Kong certification body," said Mr Victor Siu, chairman of an electrical safety testing association. "That would let CB test certificates issued in Hong Kong be recognised around the world."

He added that the Agreement repeats the earlier undertaking to help Hong Kong laboratories become CB Testing Laboratories.""".encode(), ["cepa-etc/art23/7", "cepa-etc/art23/6"])

def main():
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(HERE, "expected.tsv"), "w", encoding="utf-8") as tsv:
        tsv.write("# file\tlanguage\thalf (tuning or held-out, by the rule of link_expectations.h)\t"
                  "links a careful officer would make, most important first (written by the Provisio team)\n")
        for (name, lang, data, expected), half in zip(SAMPLES, half_by_rule(SAMPLES)):
            with open(os.path.join(OUT, name), "wb") as f:
                f.write(data)
            tsv.write("\t".join([name, lang, half, " ".join(expected)]) + "\n")
    print("wrote %d samples to %s" % (len(SAMPLES), OUT))

if __name__ == "__main__":
    main()
