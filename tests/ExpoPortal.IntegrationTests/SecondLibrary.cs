using System.Text;
using ExcelDataReader;

namespace ExpoPortal.IntegrationTests;

/// <summary>Reads a workbook with a library other than the one that wrote it.</summary>
internal static class SecondLibrary
{
    // ExcelDataReader looks up code page 1252 even for .xlsx; without the provider the read
    // fails, or passes only when an earlier test happened to register it.
    static SecondLibrary() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static IExcelDataReader OpenWorkbook(Stream stream) => ExcelReaderFactory.CreateReader(stream);
}
