using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ModelMonitor.Service.Reports;

namespace ModelMonitor.Cli.Report;

/// <summary>
/// Renders a <see cref="ReportModel"/> as one self-contained HTML page: uPlot, the page script and styles inlined, the
/// data as one JSON blob in a <c>&lt;script type="application/json"&gt;</c> element. Opens from a file without a network.
/// </summary>
internal static class ReportHtml
{
    // JavaScriptEncoder.Default escapes <, >, & and quotes as \uXXXX, so no text in the data (a feature named
    // "</script>", say) can close the data element or open a tag; the blob is still plain JSON to JSON.parse.
    private static readonly JsonSerializerOptions BlobOptions = new(ReportJsonContext.Default.Options) { Encoder = JavaScriptEncoder.Default };

    public static string DataBlob(ReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return JsonSerializer.Serialize(model, BlobOptions.GetTypeInfo(typeof(ReportModel)));
    }

    public static string Render(ReportModel model, string title)
    {
        ArgumentNullException.ThrowIfNull(model);
        var html = new StringBuilder(256 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .Append(WebUtility.HtmlEncode(title))
            .Append("</title>\n<style>\n").Append(ReportAssets.UPlotCss).Append("\n</style>\n<style>\n").Append(ReportAssets.PageCss)
            .Append("\n</style>\n</head>\n<body>\n<h1>").Append(WebUtility.HtmlEncode(title)).Append("</h1>\n<main id=\"report\"></main>\n")
            .Append("<script type=\"application/json\" id=\"report-data\">").Append(DataBlob(model)).Append("</script>\n")
            .Append("<script>\n").Append(ReportAssets.UPlotJs).Append("\n</script>\n")
            .Append("<script>\n").Append(ReportAssets.PageJs).Append("\n</script>\n</body>\n</html>\n");
        return html.ToString();
    }
}
