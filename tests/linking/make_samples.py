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
