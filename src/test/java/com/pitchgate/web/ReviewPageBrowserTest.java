package com.pitchgate.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The review pages in a real browser: Debian's chromium, headless, driven through chromedriver (both
 * from apt: {@code apt-get install chromium chromium-driver}; .ci/run installs them). Skipped, with
 * the reason, when either is missing. The server is reached as localhost and as 127.0.0.1. Each page
 * is saved as a screenshot under target/screenshots/ (or {@code -Dpitchgate.screenshots=docs/images},
 * to renew the documentation's), and docs/review.md must show each of them.
 */
class ReviewPageBrowserTest {

    private static final Path CHROMIUM = Path.of(System.getProperty("pitchgate.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("pitchgate.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of(System.getProperty("pitchgate.screenshots", "target/screenshots"));
    /** The documentation's copies of the screenshots (docs/review.md shows them). */
    private static final Path DOCS_IMAGES = Path.of("docs", "images");
    private static final Set<String> TAKEN = ConcurrentHashMap.newKeySet();
    private static final String XSS = "<script>alert(1)</script>";

    private static WebTestServer server;
    private static long inquiry;
    private static long fleet;
    private static long hostile;
    private static long unnamed;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "no chromium at " + CHROMIUM + " (apt-get install chromium)");
        assumeTrue(Files.isExecutable(CHROMEDRIVER), "no chromedriver at " + CHROMEDRIVER + " (apt-get install chromium-driver)");
        Files.createDirectories(SCREENSHOTS);
        server = new WebTestServer();
        inquiry = server.submit(Map.of("name", "Jean Martin", "email", "jean@martin-archi.example", "company", "Martin Archi",
                "subject", "Bureau en janvier", "message", "Bonjour, je cherche un bureau pour janvier. Quel est le tarif ?"))
                .path("id").asLong();
        fleet = server.submit(Map.of("name", "Fleet Sales", "email", "sales@fleetco.example", "subject", "Fleet offer",
                "message", "Dear Sir or Madam, I came across your website. We offer fleet management software for trucking "
                        + "companies that cuts fuel costs across large vehicle fleets and long-haul routes.")).path("id").asLong();
        hostile = server.submit(Map.of("name", "Eve", "email", "eve@hostile.example", "subject", "Offer " + XSS,
                "message", "Hello, I am looking for a desk. " + XSS + " <img src=x onerror=\"window.__xss=1\"> "
                        + "<a href=\"javascript:window.__xss=2\">click</a> What is the price?")).path("id").asLong();
        unnamed = server.submit(Map.of("name", "Lina Costa", "email", "lina@costa-studio.example",
                "message", "Bonjour, je cherche un bureau fermé pour deux personnes à partir de mars. Quel est le prix ?"))
                .path("id").asLong();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        for (String page : TAKEN) {
            assertThat(DOCS_IMAGES.resolve(page + ".png")).as("docs/review.md shows a screenshot of every page; renew them with "
                    + "mvn -B test -Dtest=ReviewPageBrowserTest -Dpitchgate.screenshots=docs/images").exists();
        }
    }

    @Test
    void aManagerSignsInOpensAPitchAndMovesIt() {
        WebDriver browser = browser("en-GB,en");
        try {
            browser.get(server.url("/ui/queues/forward"));
            assertThat(browser.getCurrentUrl()).endsWith("/ui/signin");
            screenshot(browser, "signin");
            signIn(browser, "la-fabrique", WebTestServer.MANAGER_KEY);

            assertThat(browser.getCurrentUrl()).endsWith("/ui/queues/forward");
            assertThat(browser.findElement(By.id("tab-forward")).getAttribute("class")).contains("active");
            WebElement row = browser.findElement(By.id("pitch-" + inquiry));
            assertThat(row.getText()).contains("jean@martin-archi.example").contains("Bureau en janvier").contains("genuine_inquiry");
            long forwardBefore = count(browser, "forward");
            long declinedBefore = count(browser, "auto_decline");
            assertThat(browser.findElement(By.id("chart")).isDisplayed()).isTrue();
            screenshot(browser, "queue-forward");

            clickAndWait(browser, row.findElement(By.cssSelector("a.open")));
            assertThat(browser.getCurrentUrl()).endsWith("/ui/pitches/" + inquiry);
            assertThat(browser.findElement(By.id("subject")).getText()).isEqualTo("Bureau en janvier");
            assertThat(browser.findElement(By.id("queue")).getAttribute("data-queue")).isEqualTo("forward");
            assertThat(browser.findElement(By.id("reasons")).getText()).contains("inquiry").contains("genuine_inquiry");
            assertThat(browser.findElement(By.id("fit")).getText()).contains("Marie Dupont").contains("Tom Hale");
            assertThat(browser.findElement(By.id("timeline")).getText()).contains("Bureau en janvier");
            screenshot(browser, "pitch");

            WebElement decline = browser.findElement(By.id("decline-button")).findElement(By.xpath("./ancestor::form"));
            decline.findElement(By.name("note")).sendKeys("we have no desk left in January");
            clickAndWait(browser, browser.findElement(By.id("decline-button")));
            assertThat(browser.findElement(By.id("notice")).getText()).isEqualTo("The pitch was moved.");
            assertThat(browser.findElement(By.id("queue")).getAttribute("data-queue")).isEqualTo("auto_decline");
            assertThat(browser.findElement(By.id("reasons")).getText()).contains("manager_override")
                    .contains("we have no desk left in January");
            assertThat(browser.findElement(By.id("standing-no")).getText()).contains("jean@martin-archi.example");
            screenshot(browser, "pitch-overridden");

            clickAndWait(browser, browser.findElement(By.id("back")));
            assertThat(browser.getCurrentUrl()).endsWith("/ui/queues/auto_decline");
            assertThat(browser.findElements(By.id("pitch-" + inquiry))).hasSize(1);
            assertThat(count(browser, "forward")).isEqualTo(forwardBefore - 1);
            assertThat(count(browser, "auto_decline")).isEqualTo(declinedBefore + 1);
            screenshot(browser, "queue-auto_decline");
            clickAndWait(browser, browser.findElement(By.id("tab-forward")));
            assertThat(browser.findElements(By.id("pitch-" + inquiry))).isEmpty();
            assertThat(browser.findElements(By.id("pitch-" + fleet))).isEmpty();

            clickAndWait(browser, browser.findElement(By.linkText("Profile")));
            assertThat(browser.findElement(By.id("needs")).getAttribute("value")).contains("coffee supplier");
            screenshot(browser, "profile");
            clickAndWait(browser, browser.findElement(By.linkText("Intros")));
            screenshot(browser, "intros");

            clickAndWait(browser, browser.findElement(By.id("signout")));
            assertThat(browser.getCurrentUrl()).endsWith("/ui/signin");
            browser.get(server.url("/ui/queues/forward"));
            assertThat(browser.getCurrentUrl()).endsWith("/ui/signin");
        } finally {
            browser.quit();
        }
    }

    @Test
    void aHostilePitchIsShownAsTextAndRunsNothing() {
        WebDriver browser = browser("en-GB,en");
        try {
            browser.get(server.url("/ui/signin"));
            signIn(browser, "la-fabrique", WebTestServer.MANAGER_KEY);
            browser.get(server.url("/ui/queues/forward"));
            browser.get(server.url("/ui/queues/requires_intro"));
            browser.get(server.url("/ui/pitches/" + hostile));
            assertNoScriptRan(browser);
            String body = browser.findElement(By.id("body")).getText();
            assertThat(body).contains(XSS).contains("<img src=x onerror=\"window.__xss=1\">");
            assertThat(browser.findElement(By.id("subject")).getText()).isEqualTo("Offer " + XSS);
            assertThat(browser.findElements(By.cssSelector("#body script, #body img, #body a, #subject script"))).isEmpty();
            screenshot(browser, "pitch-hostile");

            String queue = browser.findElement(By.id("queue")).getAttribute("data-queue");
            browser.get(server.url("/ui/queues/" + queue));
            assertThat(browser.findElement(By.id("pitch-" + hostile)).getText()).contains("Offer " + XSS);
            assertNoScriptRan(browser);
        } finally {
            browser.quit();
        }
    }

    @Test
    void thePagesWorkAt127001AsAtLocalhost() {
        WebDriver browser = browser("en-GB,en");
        try {
            browser.get(server.url("/ui/signin"));
            signIn(browser, "la-fabrique", WebTestServer.MANAGER_KEY);
            browser.get(server.url("127.0.0.1", "/ui/queues/forward"));
            assertThat(browser.getCurrentUrl()).as("a session is kept per host name, as its cookie")
                    .isEqualTo(server.url("127.0.0.1", "/ui/signin"));

            signIn(browser, "la-fabrique", WebTestServer.MANAGER_KEY);
            assertThat(browser.getCurrentUrl()).isEqualTo(server.url("127.0.0.1", "/ui/queues/forward"));
            WebElement row = browser.findElement(By.id("pitch-" + unnamed));
            assertThat(row.getText()).contains("lina@costa-studio.example").contains("#" + unnamed);
            clickAndWait(browser, row.findElement(By.cssSelector("a.open")));
            assertThat(browser.getCurrentUrl()).isEqualTo(server.url("127.0.0.1", "/ui/pitches/" + unnamed));
            assertThat(browser.findElement(By.id("subject")).getText()).as("a pitch without a subject").isEqualTo("#" + unnamed);

            clickAndWait(browser, browser.findElement(By.id("intro-button")));
            assertThat(browser.getCurrentUrl()).startsWith(server.url("127.0.0.1", "/ui/pitches/" + unnamed));
            assertThat(browser.findElement(By.id("notice")).getText()).isEqualTo("The pitch was moved.");
            assertThat(browser.findElement(By.id("queue")).getAttribute("data-queue")).isEqualTo("requires_intro");

            browser.get(server.url("127.0.0.1", "/ui/pitches/999999"));
            assertThat(browser.findElement(By.id("error-message")).getText()).isNotBlank();
            screenshot(browser, "error");
            clickAndWait(browser, browser.findElement(By.linkText("Back to the queues")));
            assertThat(browser.getCurrentUrl()).startsWith(server.url("127.0.0.1", "/ui/queues/"));
            clickAndWait(browser, browser.findElement(By.id("signout")));
            assertThat(browser.getCurrentUrl()).isEqualTo(server.url("127.0.0.1", "/ui/signin"));
        } finally {
            browser.quit();
        }
    }

    @Test
    void aFrenchBrowserSeesFrenchPages() {
        WebDriver browser = browser("fr-FR,fr");
        try {
            browser.get(server.url("/ui/signin"));
            assertThat(browser.findElement(By.id("signin")).getText()).isEqualTo("Se connecter");
            signIn(browser, "la-fabrique", WebTestServer.MANAGER_KEY);
            assertThat(browser.findElement(By.id("tab-forward")).getText()).startsWith("À transmettre");
            assertThat(browser.findElement(By.id("tab-auto_decline")).getText()).startsWith("Refusés");
            screenshot(browser, "queue-forward-fr");
        } finally {
            browser.quit();
        }
    }

    private static void assertNoScriptRan(WebDriver browser) {
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        Object flag = ((JavascriptExecutor) browser).executeScript("return window.__xss === undefined ? null : window.__xss;");
        assertThat(flag).isNull();
    }

    private static void signIn(WebDriver browser, String space, String key) {
        new Select(browser.findElement(By.id("space"))).selectByValue(space);
        browser.findElement(By.id("key")).sendKeys(key);
        clickAndWait(browser, browser.findElement(By.id("signin")));
    }

    /**
     * Clicks what leads to another page and waits for that page: a click returns before the browser has
     * loaded what it leads to, and reading the page at once may read the old one.
     */
    private static void clickAndWait(WebDriver browser, WebElement element) {
        WebElement oldPage = browser.findElement(By.tagName("html"));
        element.click();
        // While the page changes, Chromium may answer about the old one with a generic error: try again.
        new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(WebDriverException.class).until(driver -> {
            try {
                oldPage.isEnabled();
                return false;
            } catch (StaleElementReferenceException gone) {
                return "complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState"));
            }
        });
    }

    private static long count(WebDriver browser, String queue) {
        return Long.parseLong(browser.findElement(By.cssSelector("#tab-" + queue + " .count")).getText().strip());
    }

    private static WebDriver browser(String languages) {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--window-size=1280,1400", "--lang=" + languages.split(",")[0],
                "--user-data-dir=" + freshProfile());
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", languages));
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    private static String freshProfile() {
        try {
            File folder = Files.createTempDirectory("pitchgate-chromium").toFile();
            folder.deleteOnExit();
            return folder.getAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void screenshot(WebDriver browser, String page) {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(page + ".png"), StandardCopyOption.REPLACE_EXISTING);
            TAKEN.add(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
