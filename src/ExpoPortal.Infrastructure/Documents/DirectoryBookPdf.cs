using System.Globalization;
using ExpoPortal.Application.Exhibitors;
using ExpoPortal.Domain.Common;
using ExpoPortal.Domain.Exhibitors;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace ExpoPortal.Infrastructure.Documents;

/// <summary>
/// The directory book as PDF (PDFsharp, NanumGothic embedded): a cover, one floor plan per hall, the exhibitors by zone
/// and booth, and indexes by Korean name (가나다), English name (A–Z) and HS chapter, with page numbers.
/// Every text is printed in Korean and English side by side, since one book serves both kinds of reader.
/// </summary>
public sealed class DirectoryBookPdf(string fontDirectory) : IDirectoryBookRenderer
{
    private const double Margin = 40;
    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);
    private static readonly XColor[] ZoneColours =
    [
        XColor.FromArgb(0xDC, 0xED, 0xC8), XColor.FromArgb(0xFF, 0xE0, 0xB2), XColor.FromArgb(0xBB, 0xDE, 0xFB), XColor.FromArgb(0xF8, 0xBB, 0xD0),
        XColor.FromArgb(0xD1, 0xC4, 0xE9), XColor.FromArgb(0xB2, 0xDF, 0xDB), XColor.FromArgb(0xFF, 0xF9, 0xC4), XColor.FromArgb(0xCF, 0xD8, 0xDC),
    ];

    public byte[] RenderBook(DirectoryBookData book)
    {
        NanumFontResolver.EnsureInstalled(fontDirectory);
        var doc = NewDocument(book, "참가기업 디렉토리 / Exhibitor Directory");
        var writer = new Writer(doc, book);

        Cover(writer, book);
        var zones = ZoneOrder(book);
        foreach (var hall in book.Halls) FloorPlanPage(writer, book, hall, zones);

        // Exhibitors by zone, then booth; those without a booth come last.
        var pageOf = new Dictionary<int, int>();
        writer.NewPage();
        writer.Heading("참가기업 / Exhibitors", 18);
        foreach (var group in book.Exhibitors.GroupBy(x => x.Zone).OrderBy(g => g.Key is null ? 1 : 0).ThenBy(g => g.Key is { } z ? zones.IndexOf(z) : 0))
        {
            var zoneName = group.Key is { } zone ? ZoneName(zone) : new LocalizedText("부스 미배정", "No booth yet");
            writer.EnsureSpace(60);
            writer.Heading($"{zoneName.Ko} / {zoneName.En}", 13);
            foreach (var x in group.OrderBy(x => x.BoothCode, StringComparer.Ordinal).ThenBy(x => x.Name.En, StringComparer.OrdinalIgnoreCase))
                pageOf[x.Id] = Entry(writer, x, 1.0);
        }

        NameIndex(writer, "가나다 색인 / Index (Korean names)", book.Exhibitors.OrderBy(x => x.Name.In("ko"), StringComparer.Create(CultureInfo.GetCultureInfo("ko-KR"), false)),
            x => x.Name.In("ko"), x => x.Name.In("en"), pageOf);
        NameIndex(writer, "A–Z Index (English names) / 영문 색인", book.Exhibitors.OrderBy(x => x.Name.In("en"), StringComparer.OrdinalIgnoreCase),
            x => x.Name.In("en"), x => x.Name.In("ko"), pageOf);
        HsIndex(writer, book, pageOf);

        writer.Finish();
        return Save(doc);
    }

    public byte[] RenderExhibitorPage(DirectoryBookData book, BookExhibitor exhibitor)
    {
        NanumFontResolver.EnsureInstalled(fontDirectory);
        var doc = NewDocument(book, $"{exhibitor.Name.Ko} / {exhibitor.Name.En}");
        var writer = new Writer(doc, book);
        writer.NewPage();
        writer.Line($"{book.EventName.Ko} · {book.EventName.En}", 9, bold: false, XBrushes.DimGray);
        writer.Space(6);
        Entry(writer, exhibitor, 1.35);
        if (exhibitor.HallCode is { } hallCode && book.Halls.FirstOrDefault(h => h.Code == hallCode) is { } hall)
        {
            writer.Space(10);
            writer.Line($"{hall.Name.Ko} / {hall.Name.En}", 11, bold: true);
            var height = Math.Min(writer.Remaining - 30, 300);
            if (height > 80)
            {
                DrawHall(writer.Graphics, hall, new XRect(Margin, writer.Y, writer.Width, height), ZoneOrder(book), exhibitor.BoothCode);
                writer.Space(height);
            }
        }
        writer.Finish();
        return Save(doc);
    }

    private static PdfDocument NewDocument(DirectoryBookData book, string title)
    {
        var doc = new PdfDocument();
        doc.Info.Title = $"{book.EventName.En} — {title}";
        doc.Info.Creator = "ExpoPortal";
        return doc;
    }

    private static byte[] Save(PdfDocument doc)
    {
        using var stream = new MemoryStream();
        doc.Save(stream, false);
        return stream.ToArray();
    }

    private static void Cover(Writer w, DirectoryBookData book)
    {
        w.NewPage(footer: false);
        w.Space(180);
        w.Line(book.EventName.Ko, 24, bold: true);
        w.Line(book.EventName.En, 18, bold: true);
        w.Space(24);
        w.Line("참가기업 디렉토리", 20, bold: false);
        w.Line("Exhibitor Directory", 16, bold: false);
        w.Space(40);
        w.Line($"{book.Venue.Ko}, {book.City.Ko}", 12, bold: false);
        w.Line($"{book.Venue.En}, {book.City.En}", 12, bold: false);
        w.Line($"{book.StartDate:yyyy-MM-dd} – {book.EndDate:yyyy-MM-dd}", 12, bold: false);
        w.Space(20);
        w.Line($"참가기업 {book.Exhibitors.Count}곳 · {book.Exhibitors.Count} exhibitors · 전시홀 {book.Halls.Count}개 · {book.Halls.Count} halls", 11, bold: false, XBrushes.DimGray);
    }

    private static void FloorPlanPage(Writer w, DirectoryBookData book, BookHall hall, List<string> zones)
    {
        w.NewPage();
        w.Heading($"배치도 Floor plan · {hall.Name.Ko} / {hall.Name.En}", 14);
        var legendHeight = 16.0 * Math.Ceiling(hall.Booths.Select(b => b.Zone).Distinct().Count() / 2.0) + 10;
        var area = new XRect(Margin, w.Y, w.Width, w.Remaining - legendHeight - 10);
        var drawn = DrawHall(w.Graphics, hall, area, zones, highlight: null);
        w.Space(drawn.Height + 10);
        // Legend: zone colours, two a line.
        var font = new XFont(NanumFontResolver.Family, 8, XFontStyleEx.Regular, Unicode);
        var column = 0;
        foreach (var zone in hall.Booths.Select(b => b.Zone).Distinct().OrderBy(zones.IndexOf))
        {
            var x = Margin + column * (w.Width / 2);
            w.Graphics.DrawRectangle(XPens.Gray, new XSolidBrush(ZoneColour(zones, zone)), x, w.Y, 10, 10);
            var name = ZoneName(zone);
            w.Graphics.DrawString($"{name.Ko} / {name.En}", font, XBrushes.Black, new XPoint(x + 14, w.Y), XStringFormats.TopLeft);
            column = (column + 1) % 2;
            if (column == 0) w.Space(16);
        }
        var assigned = hall.Booths.Count(b => b.ExhibitorId is not null);
        w.Space(column == 0 ? 4 : 20);
        w.Line($"부스 {hall.Booths.Count}개 (배정 {assigned}) · {hall.Booths.Count} booths ({assigned} assigned)", 8, bold: false, XBrushes.DimGray);
    }

    /// <summary>Draws the hall's grid into <paramref name="area"/>, keeping cells square; returns the rectangle used.</summary>
    private static XRect DrawHall(XGraphics g, BookHall hall, XRect area, List<string> zones, string? highlight)
    {
        var cell = Math.Min(area.Width / hall.Columns, area.Height / hall.Rows);
        var used = new XRect(area.X, area.Y, cell * hall.Columns, cell * hall.Rows);
        g.DrawRectangle(new XPen(XColors.DimGray, 1), used);
        var fontSize = Math.Clamp(cell * 0.55, 3.5, 8);
        var font = new XFont(NanumFontResolver.Family, fontSize, XFontStyleEx.Regular, Unicode);
        foreach (var b in hall.Booths)
        {
            var rect = new XRect(used.X + b.X * cell, used.Y + b.Y * cell, b.Width * cell, b.Height * cell);
            var fill = b.Code == highlight ? XColors.Orange : b.ExhibitorId is null ? XColors.White : ZoneColour(zones, b.Zone);
            g.DrawRectangle(new XPen(b.Code == highlight ? XColors.DarkRed : XColors.Gray, b.Code == highlight ? 1.5 : 0.4), new XSolidBrush(fill), rect);
            if (g.MeasureString(b.Code, font).Width <= rect.Width - 1)
                g.DrawString(b.Code, font, XBrushes.Black, rect, XStringFormats.Center);
        }
        return used;
    }

    /// <summary>One exhibitor; returns the page it starts on.</summary>
    private static int Entry(Writer w, BookExhibitor x, double scale)
    {
        var lines = new List<(string Text, double Size, bool Bold, XBrush Brush)>
        {
            ($"{(x.BoothCode is { } code ? $"[{code}]  " : "")}{x.Name.Ko}", 11 * scale, true, XBrushes.Black),
            (x.Name.En, 10 * scale, true, XBrushes.Black),
            ($"{x.Industry.Ko} / {x.Industry.En} · {x.Region.Ko} / {x.Region.En} · {x.City.Ko} / {x.City.En}", 8 * scale, false, XBrushes.DimGray),
        };
        foreach (var p in x.Products)
            lines.Add(($"• HS {p.HsCode}  {p.Name.Ko} / {p.Name.En}", 8.5 * scale, false, XBrushes.Black));
        if (x.Certifications.Count > 0) lines.Add(($"인증 Certifications: {string.Join(", ", x.Certifications)}", 8 * scale, false, XBrushes.Black));
        if (x.Languages.Count > 0) lines.Add(($"언어 Languages: {string.Join(", ", x.Languages)}", 8 * scale, false, XBrushes.Black));
        var contact = string.Join(" · ", new[] { x.ContactName, x.ContactEmail, x.ContactPhone, x.Website }.Where(s => !string.IsNullOrWhiteSpace(s)));
        lines.Add(($"연락처 Contact: {contact}", 8 * scale, false, XBrushes.Black));
        if (x.BoothCode is { } booth) lines.Add(($"부스 Booth: {booth} ({x.HallCode})", 8 * scale, false, XBrushes.Black));

        var wrapped = lines.SelectMany(l => w.Wrap(l.Text, l.Size, l.Bold).Select(t => (t, l.Size, l.Bold, l.Brush))).ToList();
        w.EnsureSpace(wrapped.Sum(l => l.Size * 1.35) + 8);
        var page = w.PageNumber;
        foreach (var (text, size, bold, brush) in wrapped) w.Line(text, size, bold, brush, wrap: false);
        w.Graphics.DrawLine(XPens.LightGray, Margin, w.Y + 3, Margin + w.Width, w.Y + 3);
        w.Space(8);
        return page;
    }

    private static void NameIndex(Writer w, string title, IEnumerable<BookExhibitor> ordered, Func<BookExhibitor, string> name,
        Func<BookExhibitor, string> other, Dictionary<int, int> pageOf)
    {
        w.NewPage();
        w.Heading(title, 16);
        foreach (var x in ordered)
            w.IndexLine($"{name(x)}  ({other(x)})", $"{x.BoothCode ?? "–"} · p. {pageOf[x.Id]}");
    }

    private static void HsIndex(Writer w, DirectoryBookData book, Dictionary<int, int> pageOf)
    {
        w.NewPage();
        w.Heading("HS 류(類) 색인 / Index by HS chapter", 16);
        var byChapter = book.Exhibitors
            .SelectMany(x => x.Products.Select(p => (Chapter: p.HsCode[..2], Exhibitor: x)))
            .DistinctBy(t => (t.Chapter, t.Exhibitor.Id))
            .GroupBy(t => t.Chapter).OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var chapter in byChapter)
        {
            w.EnsureSpace(40);
            w.Line($"HS {chapter.Key}", 11, bold: true);
            foreach (var (_, x) in chapter.OrderBy(t => t.Exhibitor.BoothCode ?? "~", StringComparer.Ordinal))
                w.IndexLine($"{x.Name.Ko} / {x.Name.En}", $"{x.BoothCode ?? "–"} · p. {pageOf[x.Id]}");
            w.Space(4);
        }
    }

    /// <summary>The booth zones in a fixed order (the industries' order, then any other label), so colours agree across pages.</summary>
    private static List<string> ZoneOrder(DirectoryBookData book) =>
        book.Halls.SelectMany(h => h.Booths).Select(b => b.Zone).Distinct()
            .OrderBy(z => Enum.TryParse<Industry>(z, out var i) ? (int)i : int.MaxValue).ThenBy(z => z, StringComparer.Ordinal).ToList();

    private static XColor ZoneColour(List<string> zones, string zone) => ZoneColours[Math.Max(0, zones.IndexOf(zone)) % ZoneColours.Length];

    private static LocalizedText ZoneName(string zone) =>
        Enum.TryParse<Industry>(zone, out var industry) ? IndustryNames.Of(industry) : new LocalizedText(zone, zone);

    /// <summary>A cursor down A4 pages: lines, wrapping, page breaks and a footer with the page number.</summary>
    private sealed class Writer(PdfDocument doc, DirectoryBookData book)
    {
        private readonly Dictionary<(double, bool), XFont> _fonts = [];
        private XGraphics? _graphics;
        private PdfPage? _page;

        public XGraphics Graphics => _graphics!;
        public double Y { get; private set; }
        public int PageNumber => doc.PageCount;
        public double Width => _page!.Width.Point - 2 * Margin;
        public double Remaining => _page!.Height.Point - Margin - 20 - Y;

        public XFont Font(double size, bool bold)
        {
            if (!_fonts.TryGetValue((size, bold), out var font))
                _fonts[(size, bold)] = font = new XFont(NanumFontResolver.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, Unicode);
            return font;
        }

        public void NewPage(bool footer = true)
        {
            Finish();
            _page = doc.AddPage();
            _page.Size = PageSize.A4;
            _graphics = XGraphics.FromPdfPage(_page);
            Y = Margin;
            if (footer)
            {
                var font = Font(7, false);
                _graphics.DrawString($"{book.EventName.Ko} · {book.EventName.En}", font, XBrushes.Gray, new XPoint(Margin, _page.Height.Point - Margin + 8), XStringFormats.TopLeft);
                _graphics.DrawString($"{doc.PageCount}", font, XBrushes.Gray, new XPoint(_page.Width.Point - Margin, _page.Height.Point - Margin + 8), XStringFormats.TopRight);
            }
        }

        public void Finish()
        {
            _graphics?.Dispose();
            _graphics = null;
        }

        public void EnsureSpace(double height)
        {
            if (_page is null || Remaining < height) NewPage();
        }

        public void Space(double height) => Y += height;

        public void Heading(string text, double size)
        {
            Space(4);
            Line(text, size, bold: true);
            Space(4);
        }

        public void Line(string text, double size, bool bold, XBrush? brush = null, bool wrap = true)
        {
            foreach (var part in wrap ? Wrap(text, size, bold) : [text])
            {
                EnsureSpace(size * 1.35);
                _graphics!.DrawString(part, Font(size, bold), brush ?? XBrushes.Black, new XPoint(Margin, Y), XStringFormats.TopLeft);
                Y += size * 1.35;
            }
        }

        /// <summary>A name on the left, its booth and page on the right.</summary>
        public void IndexLine(string left, string right)
        {
            const double size = 8.5;
            var font = Font(size, false);
            var rightWidth = _graphics is null ? 0 : _graphics.MeasureString(right, font).Width;
            EnsureSpace(size * 1.35);
            var text = Fit(left, font, Width - rightWidth - 12);
            _graphics!.DrawString(text, font, XBrushes.Black, new XPoint(Margin, Y), XStringFormats.TopLeft);
            _graphics.DrawString(right, font, XBrushes.Black, new XPoint(Margin + Width, Y), XStringFormats.TopRight);
            Y += size * 1.35;
        }

        /// <summary>Breaks a text into lines that fit the width: at spaces, and inside a word only when it alone is too long.</summary>
        public List<string> Wrap(string text, double size, bool bold)
        {
            if (_graphics is null) NewPage();
            var font = Font(size, bold);
            var lines = new List<string>();
            var current = "";
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (_graphics!.MeasureString(candidate, font).Width <= Width) { current = candidate; continue; }
                if (current.Length > 0) lines.Add(current);
                current = word;
                while (_graphics.MeasureString(current, font).Width > Width && current.Length > 1)
                {
                    var cut = current.Length - 1;
                    while (cut > 1 && _graphics.MeasureString(current[..cut], font).Width > Width) cut--;
                    lines.Add(current[..cut]);
                    current = current[cut..];
                }
            }
            if (current.Length > 0 || lines.Count == 0) lines.Add(current);
            return lines;
        }

        private string Fit(string text, XFont font, double width)
        {
            if (_graphics!.MeasureString(text, font).Width <= width) return text;
            var cut = text.Length;
            while (cut > 1 && _graphics.MeasureString(text[..cut] + "…", font).Width > width) cut--;
            return text[..cut] + "…";
        }
    }
}
