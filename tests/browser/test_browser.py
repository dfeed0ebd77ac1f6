#!/usr/bin/env python3
"""The web pages in a real browser: headless Chromium, driven by Selenium, against `provisio serve`.

Searches in English and Chinese, narrows a search by a facet, opens a provision, uploads a
submission with the file button and two more by dropping them on the upload box, accepts a
suggestion, sees it in the report and downloads the CSV; each step saves a screenshot (PNG) in
SHOT_DIR.
Exits 77 (ctest: skipped) with a one-line note where Chromium, its driver or Selenium is missing.

Usage: test_browser.py PROVISIO SOURCE_DIR SHOT_DIR
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

SKIP = 77


def skip(why):
    print(f"SKIP: {why} (apt-get install chromium chromium-driver python3-selenium, or 'make deps')")
    sys.exit(SKIP)


try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:
    skip("python3-selenium is not installed")

# PROVISIO_CHROMIUM / PROVISIO_CHROMEDRIVER name other binaries (the test of the skip path names none).
CHROMIUM = os.environ.get("PROVISIO_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = os.environ.get("PROVISIO_CHROMEDRIVER") or shutil.which("chromedriver") or "/usr/bin/chromedriver"
if not os.path.exists(CHROMIUM):
    skip("chromium is not installed")
if not os.path.exists(DRIVER):
    skip("chromium-driver is not installed")

provisio, source, shots = sys.argv[1], sys.argv[2], sys.argv[3]
os.makedirs(shots, exist_ok=True)
work = tempfile.mkdtemp(prefix="provisio-browser-")
server = None
driver = None
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print(f"FAIL: {what}")


def start_server():
    subprocess.run([provisio, "index", "--db", f"{work}/index", f"{source}/corpus/instruments"],
                   check=True, stdout=subprocess.DEVNULL)
    log = open(f"{work}/serve.log", "w")
    proc = subprocess.Popen([provisio, "serve", "--db", f"{work}/index", "--store", f"{work}/submissions.db",
                             "--listen", "127.0.0.1:0"], stderr=log)
    for _ in range(150):
        with open(f"{work}/serve.log") as f:
            m = re.search(r"serving http://127\.0\.0\.1:(\d+)/", f.read())
        if m:
            return proc, f"http://127.0.0.1:{m.group(1)}"
        time.sleep(0.2)
    raise RuntimeError("provisio serve did not start")


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 f"--user-data-dir={work}/chrome-profile", "--window-size=1280,1000", "--lang=en-GB"]:
        options.add_argument(flag)
    d = webdriver.Chrome(service=Service(DRIVER), options=options)
    d.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": f"{work}/downloads"})
    return d


def shot(name):
    driver.save_screenshot(os.path.join(shots, name))


def drop_files(files):
    """Drags `files` ([(name, text, type)]) over the upload box and drops them, as a user dragging
    them from the desktop would: the events carry a DataTransfer holding the files."""
    driver.execute_script("""
        const zone = document.getElementById("dropzone");
        const data = new DataTransfer();
        for (const [name, text, type] of arguments[0]) data.items.add(new File([text], name, {type}));
        window.provisioDropData = data;
        for (const type of ["dragenter", "dragover"])
          zone.dispatchEvent(new DragEvent(type, {bubbles: true, cancelable: true, dataTransfer: data}));
    """, files)
    check("over" in driver.find_element(By.ID, "dropzone").get_attribute("class"),
          "the upload box shows that files are over it")
    shot("08-drop-over.png")
    driver.execute_script("""
        document.getElementById("dropzone").dispatchEvent(new DragEvent("drop",
            {bubbles: true, cancelable: true, dataTransfer: window.provisioDropData}));
    """)


def search(base, query):
    driver.get(base + "/")
    box = driver.find_element(By.NAME, "q")
    box.clear()
    box.send_keys(query)
    box.submit()
    WebDriverWait(driver, 20).until(EC.presence_of_element_located((By.ID, "summary")))


try:
    server, base = start_server()
    driver = browser()
    wait = WebDriverWait(driver, 30)

    search(base, "CCC testing")
    hits = driver.find_elements(By.CSS_SELECTOR, "li.hit")
    check(len(hits) > 0, "English search shows hits")
    check("q=CCC+testing" in driver.current_url or "q=CCC%20testing" in driver.current_url,
          "the URL holds the query")
    check(len(driver.find_elements(By.CSS_SELECTOR, ".snippet mark")) > 0, "matches are highlighted")
    shot("01-search-english.png")

    # Every facet is a link; the year facet narrows the query to versions that took effect then.
    year_link = driver.find_element(By.XPATH, "//aside[contains(@class,'facets')]/h3[.='Year']"
                                              "/following-sibling::ul[1]/li[1]/a")
    year = year_link.text
    year_link.click()
    WebDriverWait(driver, 20).until(EC.url_contains("year%3A" + year))
    check(driver.find_element(By.NAME, "q").get_attribute("value") == f"CCC testing year:{year}",
          "the year facet adds year:YYYY to the query")
    dates = [d.text for d in driver.find_elements(By.CSS_SELECTOR, "li.hit .dates")]
    check(dates and all(re.search(r"\d{4}", d).group(0) == year for d in dates),
          f"after clicking the year {year}, every hit took effect in {year}: {dates}")
    shot("02-search-year-facet.png")

    search(base, "檢測")
    hits = driver.find_elements(By.CSS_SELECTOR, "li.hit")
    check(len(hits) > 0, "Chinese search shows hits")
    check(any(h.get_attribute("lang") in ("zh-Hant", "zh-Hans")
              for h in driver.find_elements(By.CSS_SELECTOR, ".hit-body")), "Chinese hits are shown in Chinese")
    shot("03-search-chinese.png")

    first = driver.find_element(By.CSS_SELECTOR, "li.hit a.hit-id")
    provision_id = first.text
    first.click()
    wait.until(EC.presence_of_element_located((By.ID, "provision-id")))
    check(driver.find_element(By.ID, "provision-id").text == provision_id, "the provision page shows its id")
    check(len(driver.find_elements(By.CSS_SELECTOR, ".version")) > 0, "the provision page shows its versions")
    shot("04-provision.png")

    driver.get(base + "/submissions")
    sample = os.path.join(source, "tests/linking/samples/01-ccc-all-products.txt")
    driver.find_element(By.ID, "file-input").send_keys(sample)
    driver.find_element(By.NAME, "from").send_keys("HK Testing Association")
    shot("05-upload.png")
    driver.find_element(By.ID, "upload-button").click()
    wait.until(EC.presence_of_element_located((By.ID, "submission-text")))
    check("/submissions/sub-0001" in driver.current_url, "the upload leads to the new submission")
    check(len(driver.find_elements(By.CSS_SELECTOR, "li.suggestion")) > 0, "suggestions are shown")
    shot("06-submission.png")

    suggestion = driver.find_element(By.CSS_SELECTOR, "li.suggestion a").text
    driver.find_element(By.CSS_SELECTOR, "li.suggestion button.accept").click()
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "ul.links li")))
    linked = [a.text for a in driver.find_elements(By.CSS_SELECTOR, "ul.links li a")]
    check(suggestion in linked, f"the accepted suggestion {suggestion} is linked")
    shot("07-accepted.png")

    # Two files dropped on the upload box go up with the form, as if chosen with the button.
    driver.get(base + "/submissions")
    dropped = []
    for name in ["03-gba-promotion.txt", "07-factory-inspection.txt"]:
        with open(os.path.join(source, "tests/linking/samples", name), encoding="utf-8") as f:
            dropped.append([name, f.read(), "text/plain"])
    drop_files(dropped)
    check(driver.execute_script("return document.getElementById('file-input').files.length") == 2,
          "the dropped files are in the form's file input")
    listed = [li.text for li in driver.find_elements(By.CSS_SELECTOR, "#chosen-files li")]
    check(listed == [d[0] for d in dropped], f"the upload box lists the dropped files: {listed}")
    check("over" not in driver.find_element(By.ID, "dropzone").get_attribute("class"),
          "the upload box is back to normal after the drop")
    driver.find_element(By.NAME, "from").send_keys("GBA Traders Union")
    shot("09-dropped.png")
    driver.find_element(By.ID, "upload-button").click()
    wait.until(EC.url_contains("/submissions?unlinked=1"))
    inbox = driver.find_element(By.CSS_SELECTOR, "table.list").text
    check("sub-0002" in inbox and "sub-0003" in inbox and inbox.count("GBA Traders Union") == 2,
          "both dropped files were filed, with the sender typed in the form")
    driver.get(base + "/submissions/sub-0003")
    text = driver.find_element(By.ID, "submission-text").text
    longest = max(dropped[1][1].splitlines(), key=len)[:60]
    check(longest in text, "the second dropped file's text is the submission's")

    driver.get(base + "/report")
    table = driver.find_element(By.ID, "report-table").text
    check(suggestion in table and "sub-0001" in table, "the report lists the link")
    check(len(driver.find_elements(By.CSS_SELECTOR, "svg.chart rect")) > 0, "the report draws its bar chart")
    shot("10-report.png")

    driver.find_element(By.ID, "download-csv").click()
    csv_path = f"{work}/downloads/provisio-report-provision.csv"
    for _ in range(100):
        if os.path.exists(csv_path):
            break
        time.sleep(0.1)
    check(os.path.exists(csv_path), "the CSV was downloaded")
    if os.path.exists(csv_path):
        data = open(csv_path, "rb").read()
        check(data.startswith(b"\xef\xbb\xbf") and b"sub-0001" in data and suggestion.encode() in data,
              "the CSV has the byte-order mark and the link")

    driver.find_element(By.ID, "ui-toggle").click()
    wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "header.top nav"), "搜尋"))
    check("/report" in driver.current_url, "switching the interface language stays on the page")
    shot("11-report-chinese-interface.png")
finally:
    if driver:
        driver.quit()
    if server:
        server.terminate()
        server.wait(timeout=30)
    shutil.rmtree(work, ignore_errors=True)

if failures:
    print(f"{len(failures)} browser checks failed")
    sys.exit(1)
print(f"browser checks passed; screenshots in {shots}")
