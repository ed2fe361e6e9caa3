#!/usr/bin/env python3
"""The whole browser story of `liaison serve`, in headless Chromium driven by Selenium.

A fresh database with the sample companies (datasets/ccpit-2025) and two companies with hostile
names; `liaison serve` on a free port. Then, as people would:

  1. the organizer signs in with the printed link, creates an event, registers participants and
     issues their private links;
  2. a participant opens its link, sees its suggestions and requests a meeting;
  3. the organizer accepts the request, schedules, moves a meeting, publishes;
  4. the participant sees its agenda, and its calendar feed parses with `icalendar`;
  5. on a phone-sized window (360 px), the participant's page and the organizer's lists scroll
     their wide tables inside themselves, never the whole page sideways;

and at every page with a hostile name: the name is shown as text, no script ran
(`window.__pwned` stays undefined) and no alert is open. Screenshots go to out/screenshots/.
Nothing outside this machine is contacted (SE_OFFLINE, a local chromedriver, loopback only).

    python story.py --liaison .build/debug/liaison --sample datasets/ccpit-2025 --screenshots out/screenshots
"""
import argparse
import csv
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

os.environ.setdefault("SE_OFFLINE", "true")
os.environ.setdefault("SE_AVOID_STATS", "true")

from icalendar import Calendar  # noqa: E402
from selenium import webdriver  # noqa: E402
from selenium.common.exceptions import (NoAlertPresentException, StaleElementReferenceException,  # noqa: E402
                                        WebDriverException)
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

EVENT = "oakland-story"
DELEGATES = ["CN-0001", "CN-0002", "CN-0003", "CN-0004", "CN-0005", "CN-0006"]
HOSTS = ["US-0001", "US-0002", "US-0003", "US-0004", "US-0005", "US-0006", "US-0007"]
# The injection names of the agendas issue: each would set window.__pwned and raise an alert if
# it ever ran as script.
SCRIPT_NAME = "<script>window.__pwned=1;alert(1)</script> Evil Corp"
IMAGE_NAME = '"><img src=x onerror="window.__pwned=1;alert(2)"> Trap LLC'
HOSTILE = {"US-EVIL": SCRIPT_NAME, "US-TRAP": IMAGE_NAME}


def log(message):
    print(f"story: {message}", flush=True)


class Story:
    def __init__(self, args):
        self.args = args
        self.liaison = os.path.abspath(args.liaison)
        self.work = tempfile.mkdtemp(prefix="liaison-story-")
        self.db = os.path.join(self.work, "story.sqlite")
        self.shots = os.path.abspath(args.screenshots)
        os.makedirs(self.shots, exist_ok=True)
        self.server = None
        self.driver = None

    # -- setting up ---------------------------------------------------------------------------

    def run_cli(self, *arguments):
        done = subprocess.run([self.liaison, *arguments, "--db", self.db], cwd=self.work, capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(f"liaison {' '.join(arguments)} failed: {done.stderr}")
        return done.stdout

    def prepare_database(self):
        sample = os.path.abspath(self.args.sample)
        self.run_cli("init")
        files = [os.path.join(sample, name) for name in ("cn-delegates.csv", "us-firms.csv", "ca-firms.csv")]
        self.run_cli("import", "companies", *files)
        # The hostile firms fit CN-0001 best (they offer what it seeks and seek what it offers), so
        # they are among its suggestions and in its agenda.
        with open(files[0], newline="", encoding="utf-8") as handle:
            first = next(row for row in csv.DictReader(handle) if row["id"] == DELEGATES[0])
        hostile = os.path.join(self.work, "hostile.csv")
        with open(hostile, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["id", "name", "country", "city", "size", "languages", "offers", "seeks", "description"])
            for company, name in HOSTILE.items():
                writer.writerow([company, name, "US", "Oakland", first["size"], first["languages"], first["seeks"], first["offers"],
                                 "<b>bold</b> {{csrf}} \u202eexe.txt"])
        self.run_cli("import", "companies", hostile)
        # The sample's events too, for the pictures of the README (taken last, without hostile names).
        self.run_cli("event", "import", os.path.join(sample, "events.json"))
        log("database ready: the sample companies and events, and two hostile names")

    def start_server(self):
        started = time.monotonic()
        self.server = subprocess.Popen([self.liaison, "serve", "--db", self.db, "--port", "0"], cwd=self.work,
                                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        lines = []
        while len(lines) < 2:
            line = self.server.stdout.readline()
            if not line:
                raise SystemExit(f"liaison serve stopped: {self.server.stderr.read()}")
            lines.append(line.strip())
        self.startup = time.monotonic() - started
        self.base = re.search(r"at (http://\S+)", lines[0]).group(1)
        self.signin = re.search(r"(http://\S+/signin\?token=\S+)", lines[1]).group(1)
        assert self.base.startswith("http://127.0.0.1:"), f"serve listens on {self.base}, not loopback"
        log(f"serve ready in {self.startup * 1000:.0f} ms at {self.base}")

    def start_browser(self):
        options = webdriver.ChromeOptions()
        options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
        for argument in ("--headless=new", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1200,900",
                         "--no-first-run", "--disable-background-networking", "--disable-sync", "--disable-extensions",
                         "--disable-component-update", "--lang=en-US"):
            options.add_argument(argument)
        if os.geteuid() == 0:
            options.add_argument("--no-sandbox")
        # A first Chromium start on a fresh machine can fail to open its DevTools port before
        # chromedriver gives up; starting the browser again is no retry of anything tested.
        for attempt in range(1, 4):
            try:
                self.driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
                break
            except WebDriverException as error:
                if attempt == 3:
                    raise
                log(f"chromium did not start (attempt {attempt}): {error.msg}; starting it again")
                time.sleep(2)
        self.driver.set_page_load_timeout(60)

    # -- helpers ------------------------------------------------------------------------------

    def open(self, path):
        self.driver.get(path if path.startswith("http") else self.base + path)

    def shot(self, name):
        path = os.path.join(self.shots, name)
        self.driver.save_screenshot(path)
        log(f"screenshot {path}")

    def form(self, selector):
        return self.driver.find_element(By.CSS_SELECTOR, selector)

    def fill(self, form, values):
        for name, value in values.items():
            field = form.find_element(By.NAME, name)
            field.clear()
            field.send_keys(value)

    def submit(self, form):
        self.click_and_wait(form.find_element(By.CSS_SELECTOR, "button[type=submit]"))

    def click_and_wait(self, button, confirm=False):
        """Clicks a button that loads a new page, and waits until it has."""
        page = self.driver.find_element(By.TAG_NAME, "html")
        button.click()
        if confirm:
            WebDriverWait(self.driver, 10).until(expected_conditions.alert_is_present()).accept()
        WebDriverWait(self.driver, 60).until(lambda driver: self.is_gone(page))
        WebDriverWait(self.driver, 60).until(lambda driver: driver.execute_script("return document.readyState") == "complete")

    @staticmethod
    def is_gone(element):
        """Whether an element's page has been left. Chromium answers for a node of a page being
        replaced either "stale element" or, mid-navigation, "Node with given id does not belong
        to the document": both mean it is gone."""
        try:
            element.is_enabled()
            return False
        except StaleElementReferenceException:
            return True
        except WebDriverException as error:
            if "does not belong to the document" in (error.msg or ""):
                return True
            raise

    def text(self):
        return self.driver.find_element(By.TAG_NAME, "body").text

    def check_no_script_ran(self, where):
        try:
            alert = self.driver.switch_to.alert
            raise AssertionError(f"{where}: an alert is open: {alert.text!r}")
        except NoAlertPresentException:
            pass
        pwned = self.driver.execute_script("return typeof window.__pwned")
        assert pwned == "undefined", f"{where}: a hostile name ran as script (window.__pwned is {pwned})"
        images = self.driver.execute_script("return document.querySelectorAll('img[src=x]').length")
        assert images == 0, f"{where}: a hostile name became an image element"

    def check_hostile_shown(self, where, names=HOSTILE.values()):
        body = self.text()
        for name in names:
            assert name in body, f"{where}: the hostile name {name!r} is not shown as text"
        self.check_no_script_ran(where)

    # -- the story ----------------------------------------------------------------------------

    def organizer_prepares(self):
        self.open(self.signin)
        assert "Organizer console" in self.text(), "the sign-in link did not open the console"
        cookie = self.driver.get_cookie("liaison_session")
        assert cookie and cookie["httpOnly"] and cookie.get("sameSite") == "Strict", f"session cookie {cookie}"
        self.open("/events")
        form = self.form("#create-event")
        # The delegation is asked only of a sides event (the little script hides it for an open one).
        delegation, pairing = form.find_element(By.NAME, "delegation"), Select(form.find_element(By.NAME, "pairing"))
        assert delegation.is_displayed(), "the delegation field is hidden for a sides event"
        pairing.select_by_value("open")
        assert not delegation.is_displayed(), "the delegation field shows for an open event"
        pairing.select_by_value("sides")
        assert delegation.is_displayed(), "the delegation field stays hidden after choosing sides again"
        self.fill(form, {"id": EVENT, "name": "Port of Possibilities (story)", "city": "Oakland", "country": "US", "slots": "6",
                         "slotMinutes": "15", "tables": "8"})
        self.driver.execute_script("arguments[0].value = '2025-12-05'; arguments[1].value = '07:30';",
                                   form.find_element(By.NAME, "date"), form.find_element(By.NAME, "start"))
        self.submit(form)
        assert f"/events/{EVENT}" in self.driver.current_url, f"creating the event went to {self.driver.current_url}"
        form = self.form("#register")
        # At most 4 meetings each in 6 slots: room for the organizer to move one.
        self.fill(form, {"companies": " ".join(DELEGATES + HOSTS + list(HOSTILE)), "maxMeetings": "4"})
        self.submit(form)
        assert "Registered." in self.text()
        assert f"Participants ({len(DELEGATES) + len(HOSTS) + len(HOSTILE)})" in self.text()
        self.check_hostile_shown("the event page")
        self.shot("02-event.png")
        self.open(f"/events/{EVENT}/links")
        self.submit(self.form("#issue-links"))
        self.links = {field.get_attribute("data-company"): field.get_attribute("value")
                      for field in self.driver.find_elements(By.CSS_SELECTOR, "input.copy")}
        assert set(self.links) == set(DELEGATES + HOSTS + list(HOSTILE)), f"links issued to {sorted(self.links)}"
        assert all(link.startswith(self.base + "/p/") for link in self.links.values())
        self.check_hostile_shown("the links page")
        self.shot("03-links.png")
        log(f"organizer created {EVENT}, registered {len(self.links)} participants and issued their links")

    def participant_requests(self):
        self.driver.delete_all_cookies()
        self.open(self.links[DELEGATES[0]])
        assert "推荐洽谈" in self.text(), "the delegate's page is not in Chinese"
        self.check_hostile_shown("the participant's suggestions")
        suggestion = self.driver.find_element(By.CSS_SELECTOR, 'li[data-company="US-EVIL"]')
        self.click_and_wait(suggestion.find_element(By.CSS_SELECTOR, "button.request"))
        assert "洽谈申请已提交" in self.text(), "the request was not confirmed"
        self.check_no_script_ran("the participant's page after requesting")
        self.shot("04-participant.png")
        # Its page is its own: another participant's link shows another company.
        self.open(self.links[HOSTS[0]])
        assert "Suggested meetings" in self.text() and "Harbor Canyon AI" not in self.driver.title
        log("participant CN-0001 opened its link and requested a meeting with US-EVIL")

    def organizer_schedules(self):
        self.open(self.signin)
        self.open(f"/events/{EVENT}")
        assert "1 participant request(s) wait for your answer" in self.text()
        row = self.driver.find_element(By.CSS_SELECTOR, "#requests tr.by-participant")
        self.click_and_wait(row.find_element(By.CSS_SELECTOR, "button[value=accept]"))
        assert "Request accepted" in self.text()
        self.open(f"/events/{EVENT}/schedule")
        form = self.form("#run-schedule")
        self.fill(form, {"minMeetings": "2"})
        self.submit(form)
        assert "Scheduled." in self.text()
        self.check_hostile_shown("the schedule grid", names=[SCRIPT_NAME])
        before = int(self.driver.find_element(By.ID, "meeting-count").text)
        grid = self.read_grid()
        assert any(set(pair) == {"CN-0001", "US-EVIL"} for pair in grid.values()), "the accepted request is not scheduled"
        self.shot("05-schedule.png")
        (slot, table), pair, (to_slot, to_table) = self.choose_move(grid)
        cell = self.driver.find_element(By.CSS_SELECTOR, f'div.meeting[data-pair="{pair[0]} {pair[1]}"]')
        cell.find_element(By.TAG_NAME, "summary").click()
        move = cell.find_element(By.CSS_SELECTOR, "form.move")
        self.fill(move, {"slot": str(to_slot), "table": str(to_table)})
        self.submit(move)
        assert "Meeting moved" in self.text(), f"moving {pair} failed: {self.text()[:400]}"
        moved = self.read_grid()
        assert moved.get((to_slot, to_table)) == pair and (slot, table) not in moved, "the grid does not show the move"
        assert int(self.driver.find_element(By.ID, "meeting-count").text) == before
        self.click_and_wait(self.driver.find_element(By.CSS_SELECTOR, "#publish button"), confirm=True)
        assert "Published" in self.text()
        self.moved = pair, to_slot
        log(f"organizer accepted the request, scheduled {before} meetings, moved {pair} to slot {to_slot} table {to_table}, published")

    def read_grid(self):
        grid = {}
        for row_index, row in enumerate(self.driver.find_elements(By.CSS_SELECTOR, "#grid tbody tr"), start=1):
            for table_index, cell in enumerate(row.find_elements(By.TAG_NAME, "td"), start=1):
                for meeting in cell.find_elements(By.CSS_SELECTOR, "div.meeting"):
                    grid[(row_index, table_index)] = tuple(meeting.get_attribute("data-pair").split(" "))
        return grid

    def choose_move(self, grid):
        """A meeting, and an empty cell in a slot where neither of its parties meets."""
        slots = max(slot for slot, _ in grid) if grid else 0
        slots = max(slots, 6)
        for (slot, table), pair in sorted(grid.items()):
            for to_slot in range(1, slots + 1):
                if to_slot == slot or any(set(other) & set(pair) for (s, _), other in grid.items() if s == to_slot):
                    continue
                for to_table in range(1, 9):
                    if (to_slot, to_table) not in grid:
                        return (slot, table), pair, (to_slot, to_table)
        raise AssertionError("no meeting can be moved anywhere")

    def participant_sees_agenda(self):
        self.driver.delete_all_cookies()
        self.open(self.links[DELEGATES[0]])
        agenda = self.driver.find_element(By.ID, "agenda").text
        assert "您的日程" in agenda and SCRIPT_NAME in agenda, f"the agenda does not show the meeting: {agenda[:300]}"
        self.check_no_script_ran("the participant's agenda")
        self.shot("06-agenda.png")
        feed = self.driver.find_element(By.ID, "calendar-link").get_attribute("href")
        with urllib.request.urlopen(feed, timeout=30) as response:
            assert response.headers["Content-Type"].startswith("text/calendar")
            calendar = Calendar.from_ical(response.read())
        events = [component for component in calendar.walk("VEVENT")]
        rows = self.driver.find_elements(By.CSS_SELECTOR, "#agenda tbody tr")
        assert len(events) == len(rows) and events, f"{len(events)} calendar events for {len(rows)} agenda rows"
        for event in events:
            start = event.decoded("DTSTART")
            assert str(start.date()) == "2025-12-05", f"a meeting on {start}"
            assert str(event.get("DTSTART").params.get("TZID")) == "America/Los_Angeles"
            assert str(event.get("UID")).startswith(f"{EVENT}/")
        assert any("Evil Corp" in str(event.get("SUMMARY")) for event in events)
        log(f"participant sees {len(rows)} meetings; its calendar feed parses with icalendar ({len(events)} events)")

    def phone_width(self):
        """A phone-sized window: 360 px wide, as a phone shows pages (device pixels, `mobile`)."""
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                    {"width": 360, "height": 740, "deviceScaleFactor": 2, "mobile": True})
        try:
            self.driver.delete_all_cookies()
            self.open(self.links[DELEGATES[0]])
            self.check_fits("the participant's page")
            self.shot("07-phone-participant.png")
            self.open(self.signin)
            for path in ["/companies", "/events", f"/events/{EVENT}", f"/events/{EVENT}/links"]:
                self.open(path)
                self.check_fits(path)
        finally:
            self.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        log("at 360 px, the participant's page and the organizer's lists fit the window; their tables scroll inside")

    def check_fits(self, where):
        # The layout viewport's width (clientWidth), not window.innerWidth: a phone zooms out on a
        # page too wide for it, and innerWidth then grows to the page's width.
        width, window = self.driver.execute_script("return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert width <= window, f"{where}: the page is {width} px wide in a {window} px window: it scrolls sideways"

    def readme_pictures(self):
        """The README's two pictures, of the sample's Oakland breakfast: the organizer's grid and a host's page."""
        sample = "oakland-breakfast-2025"
        self.run_cli("event", "schedule", sample, "--min-meetings", "3")
        self.run_cli("event", "publish", sample)
        links = subprocess.run([self.liaison, "event", "links", sample, "--db", self.db, "--format", "csv", "--base-url", self.base],
                               cwd=self.work, capture_output=True, text=True, check=True).stdout
        host = next(row for row in csv.DictReader(links.splitlines()) if row["company"].startswith("US-"))
        self.driver.set_window_size(1100, 900)
        self.open(self.signin)
        self.open(f"/events/{sample}/schedule")
        self.shot("readme-organizer.png")
        self.driver.delete_all_cookies()
        self.open(host["link"])
        self.check_no_script_ran("the sample host's page")
        self.shot("readme-participant.png")

    def finish(self):
        if self.driver:
            self.driver.quit()
        if self.server:
            self.server.terminate()
            try:
                self.server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.server.kill()
        shutil.rmtree(self.work, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--liaison", default=".build/debug/liaison")
    parser.add_argument("--sample", default="datasets/ccpit-2025")
    parser.add_argument("--screenshots", default="out/screenshots")
    story = Story(parser.parse_args())
    try:
        story.prepare_database()
        story.start_server()
        story.start_browser()
        story.organizer_prepares()
        story.participant_requests()
        story.organizer_schedules()
        story.participant_sees_agenda()
        story.phone_width()
        story.readme_pictures()
    except Exception:
        if story.driver:
            story.shot("failure.png")
        raise
    finally:
        story.finish()
    log(f"the whole story passed (serve started in {story.startup * 1000:.0f} ms)")


if __name__ == "__main__":
    sys.exit(main())
