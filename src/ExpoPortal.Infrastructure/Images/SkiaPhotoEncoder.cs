using ExpoPortal.Application.Common;
using ExpoPortal.Application.Exhibitors;
using SkiaSharp;

namespace ExpoPortal.Infrastructure.Images;

/// <summary>
/// Re-encodes every upload as a JPEG of at most <see cref="MaxSide"/> pixels a side, turned upright by its EXIF
/// orientation and drawn on white (a transparent PNG stays readable). Re-encoding drops whatever else the file
/// carried: metadata, a camera's location, a script hidden after the image data.
/// </summary>
internal sealed class SkiaPhotoEncoder : IPhotoEncoder
{
    public const int MaxSide = 1200;
    private const long MaxPixels = 40_000_000; // a decompression bomb is refused before its pixels are allocated
    private const int Quality = 85;

    public Result<EncodedPhoto> Encode(byte[] upload)
    {
        if (!LooksLikeAllowedFormat(upload)) return ProductPhotos.NotAnImage;
        using var data = SKData.CreateCopy(upload);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.EncodedFormat is not (SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png or SKEncodedImageFormat.Webp))
            return ProductPhotos.NotAnImage;
        if ((long)codec.Info.Width * codec.Info.Height > MaxPixels) return ProductPhotos.TooManyPixels;

        using var decoded = SKBitmap.Decode(codec, codec.Info.WithColorType(SKColorType.Rgba8888).WithAlphaType(SKAlphaType.Premul));
        if (decoded is null) return ProductPhotos.NotAnImage; // the header was right, the picture data is not

        var turned = codec.EncodedOrigin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (uprightWidth, uprightHeight) = turned ? (decoded.Height, decoded.Width) : (decoded.Width, decoded.Height);
        var scale = Math.Min(1.0, (double)MaxSide / Math.Max(uprightWidth, uprightHeight));
        var width = Math.Max(1, (int)Math.Round(uprightWidth * scale));
        var height = Math.Max(1, (int)Math.Round(uprightHeight * scale));

        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        canvas.SetMatrix(SKMatrix.Concat(Orientation(codec.EncodedOrigin, width, height), SKMatrix.CreateScale((float)(turned ? height : width) / decoded.Width, (float)(turned ? width : height) / decoded.Height)));
        using var image = SKImage.FromBitmap(decoded);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKCubicResampler.Mitchell));
        canvas.Flush();

        using var snapshot = surface.Snapshot();
        using var jpeg = snapshot.Encode(SKEncodedImageFormat.Jpeg, Quality);
        return new EncodedPhoto(jpeg.ToArray(), "image/jpeg", width, height);
    }

    /// <summary>The three formats by their signatures: JPEG FF D8 FF, PNG's eight bytes, WebP's RIFF....WEBP.</summary>
    internal static bool LooksLikeAllowedFormat(ReadOnlySpan<byte> b) =>
        (b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF)
        || b.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        || (b.Length >= 12 && b[..4].SequenceEqual("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8));

    /// <summary>Maps the stored picture (already scaled to the output's size before turning) onto the upright canvas.</summary>
    private static SKMatrix Orientation(SKEncodedOrigin origin, int width, int height) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, width, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, width, 0, -1, height, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, height, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, width, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, width, -1, 0, height, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, height, 0, 0, 1),
        _ => SKMatrix.Identity,
    };
}
