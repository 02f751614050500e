using ExpoPortal.Application.Common;
using Microsoft.Extensions.Localization;

namespace ExpoPortal.Web.Localization;

public static class ErrorTexts
{
    /// <summary>An expected failure in the reader's language: its "Error.{code}" text, or the service's own message where none is written.</summary>
    public static string TextOf(this IStringLocalizer<UiText> T, Error error)
    {
        var text = T[$"Error.{error.Code}"];
        return text.ResourceNotFound ? error.Message : text.Value;
    }
}
