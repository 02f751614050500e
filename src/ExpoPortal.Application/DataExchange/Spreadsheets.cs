using System.Globalization;
using System.IO.Compression;
using System.Text;
using ClosedXML.Excel;
using CsvHelper;

namespace ExpoPortal.Application.DataExchange;

/// <summary>One data row of a sheet: its row number as a spreadsheet shows it (the header is row 1) and its cells as text.</summary>
public sealed record SheetRow(int Number, IReadOnlyList<string> Cells)
{
    public string Cell(int? index) => index is { } i && i >= 0 && i < Cells.Count ? Cells[i] : string.Empty;
}

/// <summary>A table read from a .csv or .xlsx file: the header row and the data rows (blank rows left out).</summary>
public sealed record Sheet(IReadOnlyList<string> Headers, IReadOnlyList<SheetRow> Rows)
{
    /// <summary>The worksheet's name (.xlsx only).</summary>
    public string? Name { get; init; }

    /// <summary>A workbook's second worksheet, when it has data: an exhibitor list's products, one per row.</summary>
    public Sheet? Second { get; init; }
}

/// <summary>A whole-file problem: too large, not what its name claims, no header row.</summary>
public sealed record FileProblem(string Code, string? Detail = null);

/// <summary>
/// Reads spreadsheets as lists come to the secretariat: .csv in UTF-8 (with or without BOM) or CP949/EUC-KR, which
/// Korean Excel still writes, and .xlsx. The content is checked against the name: an .xlsx must be an Office zip
/// with a workbook, a .csv must be text.
/// </summary>
public static class SpreadsheetReader
{
    public const int MaxBytes = 10 * 1024 * 1024;
    public const int MaxRows = 20_000;

    /// <summary>What an .xlsx may unpack to: a 10 MB zip of repeated cells could otherwise fill the memory.</summary>
    private const long MaxUnpackedBytes = 400L * 1024 * 1024;

    static SpreadsheetReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static (Sheet? Sheet, FileProblem? Problem) Read(byte[] content, string fileName)
    {
        if (content.Length > MaxBytes) return (null, new("file_too_large"));
        if (content.Length == 0) return (null, new("empty_file"));
        var extension = Path.GetExtension(fileName ?? string.Empty).ToLowerInvariant();
        return extension switch
        {
            ".xlsx" => IsXlsx(content) ? ReadXlsx(content) : (null, new("not_xlsx")),
            ".csv" or ".txt" => IsZip(content) || LooksBinary(content) ? (null, new("not_csv")) : ReadCsv(Decode(content)),
            _ => (null, new("unsupported_file_type", extension)),
        };
    }

    public static SheetFormat? FormatOf(string fileName) => Path.GetExtension(fileName ?? string.Empty).ToLowerInvariant() switch
    {
        ".xlsx" => SheetFormat.Xlsx,
        ".csv" or ".txt" => SheetFormat.Csv,
        _ => null,
    };

    /// <summary>By BOM first; without one, text that is valid UTF-8 is UTF-8 and anything else is taken as CP949 (a superset of EUC-KR).</summary>
    public static string Decode(byte[] content)
    {
        if (content is [0xEF, 0xBB, 0xBF, ..]) return Encoding.UTF8.GetString(content, 3, content.Length - 3);
        if (content is [0xFF, 0xFE, ..]) return Encoding.Unicode.GetString(content, 2, content.Length - 2);
        if (content is [0xFE, 0xFF, ..]) return Encoding.BigEndianUnicode.GetString(content, 2, content.Length - 2);
        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(949).GetString(content);
        }
    }

    private static bool IsZip(byte[] content) => content is [0x50, 0x4B, 0x03, 0x04, ..];

    /// <summary>Text has no NUL bytes (UTF-16 with its BOM aside) and few control characters.</summary>
    private static bool LooksBinary(byte[] content)
    {
        if (content is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..]) return false;
        var sample = content.AsSpan(0, Math.Min(content.Length, 64 * 1024));
        var controls = 0;
        foreach (var b in sample)
        {
            if (b == 0) return true;
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\r' or (byte)'\n' or 0x0C)) controls++;
        }
        return controls > sample.Length / 100 + 2;
    }

    private static bool IsXlsx(byte[] content)
    {
        if (!IsZip(content)) return false;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            return names.Contains("[Content_Types].xml") && names.Contains("xl/workbook.xml")
                && zip.Entries.Sum(e => e.Length) <= MaxUnpackedBytes;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static (Sheet?, FileProblem?) ReadCsv(string text)
    {
        // Blank lines are kept so that row numbers are those the spreadsheet shows; Build skips them.
        var options = new CsvReaderOptions { HasHeader = false, SkipEmptyLines = false, TrimWhitespace = false };
        using var reader = CsvReader.FromText(text, options);
        var records = new List<string[]>();
        while (reader.Read())
        {
            var record = new string[reader.FieldCount];
            for (var i = 0; i < record.Length; i++) record[i] = reader.GetString(i);
            records.Add(record);
            if (records.Count > MaxRows + 1) return (null, new("too_many_rows"));
        }
        return Build(records);
    }

    private static (Sheet?, FileProblem?) ReadXlsx(byte[] content)
    {
        XLWorkbook workbook;
        try
        {
            workbook = new XLWorkbook(new MemoryStream(content));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return (null, new("not_xlsx"));
        }
        using (workbook)
        {
            var (first, problem) = ReadWorksheet(workbook.Worksheets.FirstOrDefault());
            if (first is null) return (null, problem);
            if (workbook.Worksheets.Count < 2) return (first, null);
            var (second, secondProblem) = ReadWorksheet(workbook.Worksheet(2));
            if (secondProblem is { Code: not "empty_file" }) return (null, secondProblem);
            if (first.Rows.Count + (second?.Rows.Count ?? 0) > MaxRows) return (null, new("too_many_rows"));
            return (first with { Second = second }, null);
        }
    }

    private static (Sheet?, FileProblem?) ReadWorksheet(IXLWorksheet? sheet)
    {
        var used = sheet?.RangeUsed();
        if (sheet is null || used is null) return (null, new("empty_file"));
        var lastRow = used.LastRow().RowNumber();
        var lastColumn = used.LastColumn().ColumnNumber();
        if (lastRow > MaxRows + 1) return (null, new("too_many_rows"));
        var records = new List<string[]>();
        // Row numbers must stay those the spreadsheet shows, so rows before the used range count too.
        for (var r = 1; r <= lastRow; r++)
        {
            var row = new string[lastColumn];
            for (var c = 1; c <= lastColumn; c++) row[c - 1] = TextOf(sheet.Cell(r, c));
            records.Add(row);
        }
        var (built, problem) = Build(records);
        return (built is null ? null : built with { Name = sheet.Name }, problem);
    }

    /// <summary>A cell as the list means it: dates as ISO days, whole numbers without decimals, text as written.</summary>
    private static string TextOf(IXLCell cell)
    {
        if (cell.IsEmpty()) return string.Empty;
        try
        {
            return cell.DataType switch
            {
                XLDataType.DateTime => cell.GetDateTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                XLDataType.Number => cell.GetDouble().ToString("0.############", CultureInfo.InvariantCulture),
                XLDataType.Boolean => cell.GetBoolean() ? "true" : "false",
                _ => cell.HasFormula ? Convert.ToString(cell.CachedValue, CultureInfo.InvariantCulture) ?? string.Empty : cell.GetString(),
            };
        }
        catch (Exception ex) when (ex is FormatException or InvalidCastException)
        {
            return cell.GetString();
        }
    }

    /// <summary>The first non-blank row is the header; blank rows after it are skipped but keep their numbers.</summary>
    private static (Sheet?, FileProblem?) Build(List<string[]> records)
    {
        var headerIndex = records.FindIndex(r => r.Any(c => !string.IsNullOrWhiteSpace(c)));
        if (headerIndex < 0) return (null, new("empty_file"));
        var headers = records[headerIndex].Select(h => h.Trim()).ToList();
        while (headers.Count > 0 && headers[^1].Length == 0) headers.RemoveAt(headers.Count - 1);
        var rows = new List<SheetRow>();
        for (var i = headerIndex + 1; i < records.Count; i++)
        {
            if (records[i].All(string.IsNullOrWhiteSpace)) continue;
            rows.Add(new SheetRow(i + 1, records[i].Select(c => CellText.Restore(c.Trim())).ToList()));
        }
        if (rows.Count > MaxRows) return (null, new("too_many_rows"));
        return (new Sheet(headers, rows), null);
    }
}

public enum SheetFormat
{
    Csv,
    Xlsx,
}

/// <summary>
/// Cells that a spreadsheet would evaluate (starting with =, +, -, @, tab or carriage return) are neutralised on the way
/// out: CSV gets a leading apostrophe, .xlsx a text cell with Excel's quote prefix. Imports take the apostrophe off
/// again, so an export read back gives the same data.
/// </summary>
public static class CellText
{
    private const string Triggers = "=+-@\t\r";

    public static bool IsDangerous(string text) => text.Length > 0 && Triggers.Contains(text[0]);

    public static string Neutralise(string text) => IsDangerous(text) ? "'" + text : text;

    public static string Restore(string text) => text.Length > 1 && text[0] == '\'' && Triggers.Contains(text[1]) ? text[1..] : text;
}

/// <summary>Writes a table as .csv (UTF-8 with BOM, so Excel shows Korean) or .xlsx, with formula triggers neutralised.</summary>
public static class SpreadsheetWriter
{
    public static byte[] Write(SheetFormat format, string sheetName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows) =>
        format == SheetFormat.Csv ? Csv(headers, rows) : Xlsx(sheetName, headers, rows);

    public static string ContentType(SheetFormat format) => format == SheetFormat.Csv
        ? "text/csv; charset=utf-8"
        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Csv(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        using var buffer = new MemoryStream();
        // Neutralised here rather than by the writer's own option, so that the reader above undoes exactly this.
        var options = new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.None, ValidateFieldCount = false };
        using (var csv = CsvWriter.Create(buffer, options, true))
        {
            foreach (var h in headers) csv.WriteField(CellText.Neutralise(h));
            csv.EndRecord();
            foreach (var row in rows)
            {
                foreach (var cell in row) csv.WriteField(CellText.Neutralise(cell ?? string.Empty));
                csv.EndRecord();
            }
            csv.Flush();
        }
        return buffer.ToArray();
    }

    public static byte[] Xlsx(string sheetName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows) =>
        Xlsx([(sheetName, headers, rows)]);

    /// <summary>A workbook of several sheets, each with its header row.</summary>
    public static byte[] Xlsx(IReadOnlyList<(string Name, IReadOnlyList<string> Headers, IEnumerable<IReadOnlyList<string>> Rows)> sheets)
    {
        using var workbook = new XLWorkbook();
        foreach (var (sheetName, headers, rows) in sheets)
        {
            var sheet = workbook.Worksheets.Add(sheetName);
            var r = 1;
            WriteRow(sheet, r++, headers);
            foreach (var row in rows) WriteRow(sheet, r++, row);
            sheet.Row(1).Style.Font.Bold = true;
            sheet.SheetView.FreezeRows(1);
        }
        using var buffer = new MemoryStream();
        workbook.SaveAs(buffer);
        return buffer.ToArray();
    }

    private static void WriteRow(IXLWorksheet sheet, int rowNumber, IReadOnlyList<string> cells)
    {
        for (var c = 0; c < cells.Count; c++)
        {
            var text = cells[c] ?? string.Empty;
            if (text.Length == 0) continue;
            var cell = sheet.Cell(rowNumber, c + 1);
            // Every cell is text: never a formula, and "090210" keeps its zero.
            cell.DataType = XLDataType.Text;
            cell.SetValue(text);
            cell.DataType = XLDataType.Text;
            if (CellText.IsDangerous(text)) cell.Style.IncludeQuotePrefix = true;
        }
    }
}
