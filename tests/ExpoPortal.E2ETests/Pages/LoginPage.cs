using Microsoft.Playwright;

namespace ExpoPortal.E2ETests.Pages;

public sealed class LoginPage(IPage page, Uri baseAddress)
{
    public async Task OpenAsync(string returnUrl = "/") =>
        await page.GotoAsync(new Uri(baseAddress, $"/account/login?ReturnUrl={Uri.EscapeDataString(returnUrl)}").ToString());

    public async Task SignInAsync(string email, string password)
    {
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("[data-testid=login-submit]");
    }
}
