using ExpoPortal.Application.Exhibitors;
using ExpoPortal.Application.Audit;
using ExpoPortal.Application.Common;
using ExpoPortal.Application.Notifications;
using ExpoPortal.Domain.Common;
using ExpoPortal.Domain.Events;
using ExpoPortal.Domain.Exhibitors;
using ExpoPortal.Domain.Notifications;
using ExpoPortal.Domain.Participants;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ExpoPortal.Application.DataExchange;

/// <summary>One problem of an import: the spreadsheet row (1 is the header; 0 the whole file), the column as the file names it, a code and its text.</summary>
public sealed record ImportProblem(int Row, string Column, string Code, string Message);

public sealed record ImportCounts(int Created, int Updated, int Unchanged);

/// <param name="Applied">Whether anything was written: never with problems, never on a dry run.</param>
/// <param name="Invited">How many new sign-ins were sent an invitation.</param>
public sealed record ImportOutcome(bool Applied, ImportCounts Counts, IReadOnlyList<ImportProblem> Problems, int Invited = 0)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>What the page shows after an upload: the headers, the guessed mapping (column → header index) and the first rows.</summary>
public sealed record ImportPreview(IReadOnlyList<string> Headers, IReadOnlyDictionary<string, int?> Mapping, IReadOnlyList<SheetRow> FirstRows,
    int RowCount, IReadOnlyList<ImportProblem> Problems)
{
    /// <summary>The products sheet of an exhibitors workbook (its name and row count), if it has one.</summary>
    public (string Name, int Rows)? ProductSheet { get; init; }
}

/// <summary>
/// Imports lists of participants and of exhibitors with their products. Every row is checked before anything is
/// written, and one bad row means nothing is: the organizer gets every problem at once. A participant already in the
/// event is found by e-mail, an exhibitor by business registration number or else e-mail, and updated; rows that
/// change nothing are counted as unchanged. New people get a sign-in and an invitation to set its password.
/// </summary>
public sealed class DataImports(IAppDbContextFactory dbFactory, IImportAccounts accounts, NotificationCenter notifications, TimeProvider clock,
    ILogger<DataImports> logger)
{
    public static readonly Error OrganizersOnly = Error.Forbidden("organizers_only", "Only organizers import lists.");
    public static readonly Error EventNotFound = Error.NotFound("event_not_found", "No such event.");

    public async Task<Result<ImportPreview>> PreviewAsync(Actor actor, int eventId, ImportKind kind, byte[] content, string fileName, string language,
        int rows = 5, CancellationToken ct = default)
    {
        if (!actor.Organizes(eventId)) return OrganizersOnly;
        var (sheet, problem) = SpreadsheetReader.Read(content, fileName);
        if (sheet is null)
            return new ImportPreview([], new Dictionary<string, int?>(), [], 0, [FileProblemOf(problem!, language)]);
        var mapping = ImportColumns.Guess(kind, sheet.Headers);
        await Task.CompletedTask;
        var products = kind == ImportKind.Exhibitors ? ProductSheet.Read(sheet.Second, language) : null;
        return new ImportPreview(sheet.Headers, mapping, sheet.Rows.Take(rows).ToList(), sheet.Rows.Count,
            [.. MissingColumns(kind, sheet, mapping, language), .. products?.SheetProblems ?? []])
        {
            ProductSheet = products?.Name is { } name ? (name, products.Rows) : null,
        };
    }

    /// <summary>Checks every row and, unless <paramref name="dryRun"/>, writes all of them in one transaction.</summary>
    /// <param name="mapping">Column name → index of the file's header; null guesses it from the headers.</param>
    public async Task<Result<ImportOutcome>> ImportAsync(Actor actor, int eventId, ImportKind kind, byte[] content, string fileName, bool dryRun,
        string language, IReadOnlyDictionary<string, int?>? mapping = null, CancellationToken ct = default)
    {
        if (!actor.Organizes(eventId)) return OrganizersOnly;
        var (sheet, problem) = SpreadsheetReader.Read(content, fileName);
        if (sheet is null) return Failed(FileProblemOf(problem!, language));
        mapping ??= ImportColumns.Guess(kind, sheet.Headers);
        var missing = MissingColumns(kind, sheet, mapping, language);
        if (missing.Count > 0) return Failed([.. missing]);

        await using var db = await dbFactory.CreateAsync(ct);
        var expo = await db.Events.FirstOrDefaultAsync(e => e.Id == eventId, ct);
        if (expo is null) return EventNotFound;
        var cells = new RowReader(sheet, mapping, language);
        try
        {
            return kind == ImportKind.Participants
                ? await ImportParticipantsAsync(db, expo, cells, dryRun, actor, language, ct)
                : await ImportExhibitorsAsync(db, expo, cells, dryRun, actor, language, ct);
        }
        catch (ConstraintViolationException ex)
        {
            // Only another import (or edit) committing the same address or number in between gets here.
            logger.LogWarning(ex, "Import into event {EventId} ran into {Constraint}", eventId, ex.ConstraintName);
            return Failed(new ImportProblem(0, string.Empty, "import_conflict", ImportMessages.Text("import_conflict", language)));
        }
    }

    /// <summary>The file's rows with an "error" column that says what is wrong with each, to fix and upload again.</summary>
    public static byte[] ErrorReport(byte[] content, string fileName, IReadOnlyList<ImportProblem> problems, SheetFormat format, string language)
    {
        var (sheet, _) = SpreadsheetReader.Read(content, fileName);
        var errorHeader = language.StartsWith("ko", StringComparison.OrdinalIgnoreCase) ? "오류" : "error";
        var byRow = problems.GroupBy(p => p.Row).ToDictionary(g => g.Key, g => string.Join(" | ", g.Select(p => $"{p.Column}: {p.Message}")));
        var headers = (sheet?.Headers ?? []).Append(errorHeader).Prepend("row").ToList();
        var rows = new List<IReadOnlyList<string>>();
        if (byRow.TryGetValue(0, out var whole) || byRow.TryGetValue(1, out whole)) rows.Add(["1", .. Enumerable.Repeat(string.Empty, headers.Count - 2), whole]);
        foreach (var row in sheet?.Rows ?? [])
        {
            var cells = Enumerable.Range(0, sheet!.Headers.Count).Select(i => row.Cell(i));
            rows.Add([row.Number.ToString(), .. cells, byRow.GetValueOrDefault(row.Number, string.Empty)]);
        }
        return SpreadsheetWriter.Write(format, "errors", headers, rows);
    }

    /// <summary>The headers and one example row, in the template's format.</summary>
    public static byte[] Template(ImportKind kind, SheetFormat format)
    {
        IReadOnlyList<string> example = kind == ImportKind.Participants
            ? ["kim.minsu@example.com", "Minsu Kim", "Kim Trading LLC", "US", "member", "Los Angeles", "Los Angeles", "ko;en", "0902;3304", "medium", "2027-05-18", "2027-05-22"]
            : ["123-45-67890", "export@example.co.kr", "안동식품", "Andong Foods", "경상북도", "안동시/Andong", "Processed food", "ko;en",
                "https://andongfoods.example", "홍길동", "054-000-0000", "220890:안동소주/Andong soju;030569:간고등어/Salted mackerel"];
        var headers = kind == ImportKind.Participants ? ParticipantRecord.Headers : ExhibitorRecord.Headers;
        // An exhibitors workbook also shows the other way to give products: a second sheet, one product per row.
        if (kind == ImportKind.Exhibitors && format == SheetFormat.Xlsx)
            return SpreadsheetWriter.Xlsx([("exhibitors", headers, [example]),
                ("products", ProductSheet.Columns.Select(c => c.Name).ToList(), [["123-45-67890", "", "090230", "안동 홍차", "Andong black tea"]])]);
        return SpreadsheetWriter.Write(format, kind == ImportKind.Participants ? "participants" : "exhibitors", headers, [example]);
    }

    private async Task<Result<ImportOutcome>> ImportParticipantsAsync(IAppDbContext db, Event expo, RowReader cells, bool dryRun, Actor actor, string language, CancellationToken ct)
    {
        var problems = new List<ImportProblem>();
        var records = new List<(SheetRow Row, ParticipantRecord Record)>();
        var firstRowOf = new Dictionary<string, int>();
        foreach (var row in cells.Sheet.Rows)
        {
            var errors = new RowProblems(row, cells, problems);
            var email = errors.Email("email");
            var name = errors.Text("name", 200, required: true);
            var company = errors.Text("company", 200, required: true);
            var country = errors.Lookup("country", ImportValues.Country, "unknown_country", required: true);
            var kind = errors.Lookup("kind", ImportValues.Kind, "unknown_kind", required: true);
            var chapter = errors.Text("chapter", 100, required: false);
            var city = errors.Text("city", 100, required: true);
            var languages = errors.Languages("languages");
            var hs = errors.Codes("interests_hs");
            var scale = errors.Lookup("import_scale", ImportValues.Scale, "unknown_import_scale", required: false) ?? ImportScale.Under100K;
            var arrival = errors.Date("arrival") ?? expo.StartDate;
            var departure = errors.Date("departure") ?? expo.EndDate;
            if (departure < arrival) errors.Add("departure", "departure_before_arrival");
            if (email is not null && !firstRowOf.TryAdd(email, row.Number)) errors.Add("email", "duplicate_in_file", firstRowOf[email].ToString());
            if (errors.Any) continue;
            records.Add((row, new ParticipantRecord(email!, name!, company!, country!, kind!.Value, chapter, city!, languages, hs, scale, arrival, departure)));
        }

        var existing = await db.Participants.Where(p => p.EventId == expo.Id && p.Email != null).ToDictionaryAsync(p => p.Email!, ct);
        var owners = await accounts.FindAsync(records.Select(r => r.Record.Email).ToList(), ct);
        foreach (var (row, record) in records)
        {
            var participant = existing.GetValueOrDefault(record.Email);
            if (owners.TryGetValue(record.Email, out var owner) && (owner.ParticipantId is null || owner.ParticipantId != participant?.Id))
                problems.Add(cells.Problem(row.Number, "email", "email_in_use", record.Email));
        }
        if (problems.Count > 0) return Failed([.. problems]);

        var zone = TimeZoneInfo.FindSystemTimeZoneById(expo.TimeZoneId);
        int created = 0, updated = 0, unchanged = 0;
        var touched = new List<(ParticipantRecord Record, Participant Participant)>();
        foreach (var (_, record) in records)
        {
            if (!existing.TryGetValue(record.Email, out var participant))
            {
                created++;
                if (dryRun) continue;
                participant = new Participant(expo, record.Kind, record.Name, record.Company, record.Country, record.City,
                    ParticipantRecord.StartOf(record.Arrival, zone), ParticipantRecord.StartOf(record.Departure.AddDays(1), zone));
                db.Participants.Add(participant);
            }
            else if (ParticipantRecord.From(participant, zone).Cells().SequenceEqual(record.Cells()))
            {
                unchanged++;
                touched.Add((record, participant));
                continue;
            }
            else
            {
                updated++;
                if (dryRun) continue;
                participant.Register(record.Kind, record.Name, record.Company, record.Country, record.City,
                    ParticipantRecord.StartOf(record.Arrival, zone), ParticipantRecord.StartOf(record.Departure.AddDays(1), zone));
            }
            participant.SetEmail(record.Email);
            participant.Describe(participant.KoreanName, record.Chapter, record.Languages, record.Scale, participant.Hotel);
            participant.SetHsInterests(record.HsInterests);
            touched.Add((record, participant));
        }
        var counts = new ImportCounts(created, updated, unchanged);
        if (dryRun) return new ImportOutcome(false, counts, []);
        db.Audit(actor, expo.Id, AuditActions.ImportApplied, "import:participants", null, counts, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await PlannerStatistics.RefreshAsync(db, logger, typeof(Participant));

        var requests = touched.Where(t => !owners.ContainsKey(t.Record.Email))
            .Select(t => new AccountRequest(t.Record.Email, t.Record.Name, Roles.Participant, t.Participant.Id, null)).ToList();
        var invited = await InviteAsync(expo, requests, ct);
        logger.LogInformation("Imported participants into {Event}: {Created} created, {Updated} updated, {Unchanged} unchanged, {Invited} invited",
            expo.Slug, created, updated, unchanged, invited);
        return new ImportOutcome(true, counts, [], invited);
    }

    private async Task<Result<ImportOutcome>> ImportExhibitorsAsync(IAppDbContext db, Event expo, RowReader cells, bool dryRun, Actor actor, string language,
        CancellationToken ct)
    {
        var problems = new List<ImportProblem>();
        var records = new List<(SheetRow Row, ExhibitorRecord Record)>();
        var rowOfEmail = new Dictionary<string, int>();
        var rowOfNumber = new Dictionary<string, int>();
        var productSheet = ProductSheet.Read(cells.Sheet.Second, language);
        problems.AddRange(productSheet.SheetProblems);
        foreach (var row in cells.Sheet.Rows)
        {
            var errors = new RowProblems(row, cells, problems);
            var number = errors.BusinessNumber("business_number");
            var email = errors.Email("email");
            var nameKo = errors.Text("name_ko", 300, required: true);
            var nameEn = errors.Text("name_en", 300, required: false) ?? string.Empty;
            var region = errors.Lookup("region", ImportValues.Region, "unknown_region", required: true);
            var city = errors.Text("city", 200, required: false);
            var industry = errors.Lookup("industry", ImportValues.IndustryOf, "unknown_industry", required: true);
            var languages = errors.Languages("languages");
            var website = errors.Website("website");
            var contactName = errors.Text("contact_name", 200, required: false);
            var contactPhone = errors.Text("contact_phone", 40, required: false);
            var products = errors.Products("products");
            var (sheetProducts, sheetProblems) = productSheet.For(row.Number, number, email);
            products.AddRange(sheetProducts);
            foreach (var problem in sheetProblems) errors.Add(problem);
            if (sheetProducts.Count > 0 && products.Count > Exhibitor.MaxProducts && products.Count - sheetProducts.Count <= Exhibitor.MaxProducts) errors.Add("products", "too_many_products", Exhibitor.MaxProducts.ToString());
            if (email is not null && !rowOfEmail.TryAdd(email, row.Number)) errors.Add("email", "duplicate_in_file", rowOfEmail[email].ToString());
            if (number is not null && !rowOfNumber.TryAdd(number, row.Number)) errors.Add("business_number", "duplicate_in_file", rowOfNumber[number].ToString());
            if (errors.Any) continue;
            var (cityKo, cityEn) = city is null
                ? (Regions.NameOf(region!.Value.Country, region.Value.Province, "ko"), Regions.NameOf(region.Value.Country, region.Value.Province, "en"))
                : ImportValues.Pair(city);
            records.Add((row, new ExhibitorRecord(number, email!, nameKo!, nameEn, region!.Value.Country, region.Value.Province, cityKo, cityEn,
                industry!.Value, languages, website, contactName ?? nameKo!, contactPhone, products)));
        }

        problems.AddRange(productSheet.Unclaimed());

        var existing = await db.Exhibitors.Where(x => x.EventId == expo.Id).ToListAsync(ct);
        var byNumber = existing.Where(x => x.BusinessNumber != null).ToDictionary(x => x.BusinessNumber!);
        var byEmail = existing.GroupBy(x => x.Contact.Email.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.First());
        var owners = await accounts.FindAsync(records.Select(r => r.Record.Email).ToList(), ct);
        var targets = new List<(ExhibitorRecord Record, Exhibitor? Exhibitor)>();
        foreach (var (row, record) in records)
        {
            Exhibitor? target = null;
            if (record.BusinessNumber is { } number && byNumber.TryGetValue(number, out var sameNumber)) target = sameNumber;
            else if (byEmail.TryGetValue(record.Email, out var sameEmail))
            {
                // The same address under another company's number is a different company, not an update.
                if (record.BusinessNumber is not null && sameEmail.BusinessNumber is not null)
                {
                    problems.Add(cells.Problem(row.Number, "email", "duplicate_in_event", sameEmail.Name.In(language)));
                    continue;
                }
                target = sameEmail;
            }
            if (owners.TryGetValue(record.Email, out var owner) && (owner.ExhibitorId is null || owner.ExhibitorId != target?.Id))
                problems.Add(cells.Problem(row.Number, "email", "email_in_use", record.Email));
            targets.Add((record, target));
        }
        if (problems.Count > 0) return Failed([.. problems]);

        int created = 0, updated = 0, unchanged = 0;
        var touched = new List<(ExhibitorRecord Record, Exhibitor Exhibitor)>();
        var now = clock.GetUtcNow();
        foreach (var (record, target) in targets)
        {
            var exhibitor = target;
            if (exhibitor is null)
            {
                created++;
                if (dryRun) continue;
                var name = new LocalizedText(record.NameKo, record.NameEn);
                // Owned values cannot be shared between two properties: the description starts as its own copy of the name.
                exhibitor = new Exhibitor(expo, name, name with { }, record.Country, record.Province, new LocalizedText(record.CityKo, record.CityEn),
                    record.Industry, CompanySize.Small, new ContactPerson(record.ContactName, record.Email, record.ContactPhone));
                exhibitor.SetBusinessNumber(record.BusinessNumber);
                exhibitor.DescribeMarkets([], [], record.Languages);
                exhibitor.SetWebsite(record.Website);
                foreach (var p in record.Products)
                {
                    var productName = new LocalizedText(p.NameKo, p.NameEn);
                    exhibitor.AddProduct(new Product(productName, productName with { }, HsCode.Parse(p.HsCode)));
                }
                exhibitor.MarkEdited(actor.Name ?? "import", now);
                db.Exhibitors.Add(exhibitor);
            }
            else if (ExhibitorRecord.From(exhibitor).Cells().SequenceEqual(record.Cells()))
            {
                unchanged++;
            }
            else
            {
                updated++;
                if (dryRun) continue;
                exhibitor.EditProfile(new LocalizedText(record.NameKo, record.NameEn), exhibitor.Description, new LocalizedText(record.CityKo, record.CityEn),
                    new ContactPerson(record.ContactName, record.Email, record.ContactPhone), record.Website);
                exhibitor.Classify(record.Country, record.Province, record.Industry);
                exhibitor.SetBusinessNumber(record.BusinessNumber);
                exhibitor.DescribeMarkets(exhibitor.ExportMarkets, exhibitor.TargetMarkets, record.Languages);
                exhibitor.ReplaceProducts(MatchProducts(exhibitor, record.Products));
                exhibitor.MarkEdited(actor.Name ?? "import", now);
            }
            touched.Add((record, exhibitor));
        }
        var counts = new ImportCounts(created, updated, unchanged);
        if (dryRun) return new ImportOutcome(false, counts, []);
        db.Audit(actor, expo.Id, AuditActions.ImportApplied, "import:exhibitors", null, counts, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        // A product the list no longer names takes its photo with it (an orphan is unreachable, but it is not kept).
        await ProductPhotos.DeleteOrphansAsync(db, expo.Id, ct);
        await PlannerStatistics.RefreshAsync(db, logger, typeof(Exhibitor));

        var requests = touched.Where(t => !owners.ContainsKey(t.Record.Email))
            .Select(t => new AccountRequest(t.Record.Email, t.Exhibitor.Name.ToString(), Roles.Exhibitor, null, t.Exhibitor.Id)).ToList();
        var invited = await InviteAsync(expo, requests, ct);
        logger.LogInformation("Imported exhibitors into {Event}: {Created} created, {Updated} updated, {Unchanged} unchanged, {Invited} invited",
            expo.Slug, created, updated, unchanged, invited);
        return new ImportOutcome(true, counts, [], invited);
    }

    /// <summary>A product already listed under the same HS code and name keeps its id (and so its photo and description).</summary>
    private static List<(int? Id, LocalizedText Name, LocalizedText Description, HsCode HsCode)> MatchProducts(Exhibitor exhibitor, IReadOnlyList<ProductRecord> products)
    {
        var free = exhibitor.Products.ToList();
        var list = new List<(int? Id, LocalizedText Name, LocalizedText Description, HsCode HsCode)>();
        foreach (var p in products)
        {
            var name = new LocalizedText(p.NameKo, p.NameEn);
            var same = free.FirstOrDefault(x => x.HsCode == p.HsCode && x.Name == name) ?? free.FirstOrDefault(x => x.HsCode == p.HsCode);
            if (same is not null) free.Remove(same);
            list.Add((same?.Id, name, same?.Description ?? name with { }, HsCode.Parse(p.HsCode)));
        }
        return list;
    }

    /// <summary>Creates the missing sign-ins and sends each an invitation (bell and mail) with its set-password link.</summary>
    private async Task<int> InviteAsync(Event expo, IReadOnlyList<AccountRequest> requests, CancellationToken ct)
    {
        if (requests.Count == 0) return 0;
        var made = await accounts.CreateAsync(requests, ct);
        // A company's mails reach all its sign-ins, so a colleague's link is only sent where it reaches no one else.
        var items = made.Where(a => a.OnlySignIn).Select(a => (
            To: a.ParticipantId is { } p ? Party.Participant(p) : Party.Exhibitor(a.ExhibitorId!.Value),
            Kind: NotificationKind.AccountInvitation,
            Title: new LocalizedText($"{expo.Name.Ko} 포털 계정이 만들어졌습니다", $"Your account for {expo.Name.En}"),
            Body: new LocalizedText(
                $"사무국이 {a.Email} 주소로 포털 계정을 만들었습니다. 아래 링크에서 비밀번호를 정하고 로그인하세요.",
                $"The secretariat made you a portal account for {a.Email}. Set your password with the link below, then sign in."),
            Link: (string?)$"account/set-password?email={Uri.EscapeDataString(a.Email)}&token={Uri.EscapeDataString(a.Token)}")).ToList();
        await notifications.SendAsync(expo.Id, items, ct);
        return items.Count;
    }

    private static IReadOnlyList<ImportProblem> MissingColumns(ImportKind kind, Sheet sheet, IReadOnlyDictionary<string, int?> mapping, string language) =>
        ImportColumns.Of(kind)
            .Where(c => c.Required && (mapping.GetValueOrDefault(c.Name) is not { } i || i < 0 || i >= sheet.Headers.Count))
            .Select(c => new ImportProblem(1, c.Name, "missing_column", ImportMessages.Text("missing_column", language, c.Name)))
            .ToList();

    private static ImportProblem FileProblemOf(FileProblem problem, string language) =>
        new(0, string.Empty, problem.Code, ImportMessages.Text(problem.Code, language, problem.Detail));

    private static ImportOutcome Failed(params ImportProblem[] problems) => new(false, new ImportCounts(0, 0, 0), problems);

    /// <summary>Cells by column name through the mapping, and problems named by the file's own header.</summary>
    private sealed class RowReader(Sheet sheet, IReadOnlyDictionary<string, int?> mapping, string language)
    {
        public Sheet Sheet => sheet;
        public string Language => language;

        public string Cell(SheetRow row, string column) => row.Cell(mapping.GetValueOrDefault(column)).Trim();

        public string HeaderOf(string column) =>
            mapping.GetValueOrDefault(column) is { } i && i >= 0 && i < sheet.Headers.Count && sheet.Headers[i].Length > 0 ? sheet.Headers[i] : column;

        public ImportProblem Problem(int row, string column, string code, string? argument = null) =>
            new(row, HeaderOf(column), code, ImportMessages.Text(code, language, argument));
    }

    /// <summary>Reads one row's cells, noting each problem; every column is checked, so a row reports all of its problems.</summary>
    private sealed class RowProblems(SheetRow row, RowReader reader, List<ImportProblem> problems)
    {
        public bool Any { get; private set; }

        public void Add(string column, string code, string? argument = null)
        {
            Any = true;
            problems.Add(reader.Problem(row.Number, column, code, argument));
        }

        /// <summary>A problem found elsewhere (the products sheet) that belongs to this row.</summary>
        public void Add(ImportProblem problem)
        {
            Any = true;
            problems.Add(problem);
        }

        public string? Text(string column, int maxLength, bool required)
        {
            var value = reader.Cell(row, column);
            if (value.Length == 0)
            {
                if (required) Add(column, "required");
                return null;
            }
            if (value.Length > maxLength)
            {
                Add(column, "too_long", maxLength.ToString());
                return null;
            }
            return value;
        }

        public string? Email(string column)
        {
            var value = Text(column, 254, required: true)?.ToLowerInvariant();
            if (value is not null && !ImportValues.IsEmail(value))
            {
                Add(column, "invalid_email", value);
                return null;
            }
            return value;
        }

        public T? Lookup<T>(string column, Func<string, T?> parse, string code, bool required)
        {
            var value = Text(column, 200, required);
            if (value is null) return default;
            var parsed = parse(value);
            if (parsed is null) Add(column, code, value);
            return parsed;
        }

        public List<string> Languages(string column)
        {
            var codes = new List<string>();
            foreach (var item in ImportValues.List(reader.Cell(row, column)))
            {
                if (ImportValues.Language(item) is { } code) { if (!codes.Contains(code)) codes.Add(code); }
                else Add(column, "unknown_language", item);
            }
            return codes;
        }

        public List<string> Codes(string column)
        {
            var codes = new List<string>();
            foreach (var item in ImportValues.List(reader.Cell(row, column)))
            {
                var digits = HsCode.DigitsOf(item);
                if (HsCode.IsValidPrefix(digits)) { if (!codes.Contains(digits)) codes.Add(digits); }
                else Add(column, "invalid_hs_code", item);
            }
            return codes;
        }

        public DateOnly? Date(string column)
        {
            var value = reader.Cell(row, column);
            if (value.Length == 0) return null;
            var date = ImportValues.Date(value);
            if (date is null) Add(column, "invalid_date", value);
            return date;
        }

        public string? BusinessNumber(string column)
        {
            var value = reader.Cell(row, column);
            if (value.Length == 0) return null;
            var digits = ImportValues.BusinessDigits(value);
            if (digits.Length == 10 && digits.All(char.IsAsciiDigit)) return digits;
            Add(column, "invalid_business_number", value);
            return null;
        }

        public string? Website(string column)
        {
            var value = Text(column, 500, required: false);
            if (value is null) return null;
            if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https") return uri.ToString();
            Add(column, "invalid_website", value);
            return null;
        }

        public List<ProductRecord> Products(string column)
        {
            var products = new List<ProductRecord>();
            var items = reader.Cell(row, column).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (items.Length > Exhibitor.MaxProducts) Add(column, "too_many_products", Exhibitor.MaxProducts.ToString());
            foreach (var item in items)
            {
                var colon = item.IndexOf(':');
                if (colon <= 0) { Add(column, "invalid_product", item); continue; }
                var digits = HsCode.DigitsOf(item[..colon]);
                var (ko, en) = ImportValues.Pair(item[(colon + 1)..]);
                if (ProductRecord.Problem(digits, ko, en) is { } code) { Add(column, code, code == "invalid_product_hs_code" ? item[..colon].Trim() : item); continue; }
                products.Add(new ProductRecord(digits, ko, en));
            }
            return products;
        }
    }
}
