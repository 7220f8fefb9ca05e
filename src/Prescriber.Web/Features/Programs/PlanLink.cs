using QRCoder;

namespace Prescriber.Web.Features.Programs;

/// <summary>The QR code of a patient's plan link, as inline SVG: no image request, prints sharp.</summary>
public static class PlanLink
{
    public static string QrSvg(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4);
    }
}
