# ExpoPortal web host. Build: docker build -t expoportal .   (docker compose up does this for you)
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files only, so code changes do not invalidate the package layer.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/ExpoPortal.Domain/ExpoPortal.Domain.csproj src/ExpoPortal.Domain/
COPY src/ExpoPortal.Matching/ExpoPortal.Matching.csproj src/ExpoPortal.Matching/
COPY src/ExpoPortal.Application/ExpoPortal.Application.csproj src/ExpoPortal.Application/
COPY src/ExpoPortal.Infrastructure/ExpoPortal.Infrastructure.csproj src/ExpoPortal.Infrastructure/
COPY src/ExpoPortal.Web/ExpoPortal.Web.csproj src/ExpoPortal.Web/
COPY src/ExpoPortal.Proxy/ExpoPortal.Proxy.csproj src/ExpoPortal.Proxy/
RUN dotnet restore src/ExpoPortal.Web/ExpoPortal.Web.csproj && dotnet restore src/ExpoPortal.Proxy/ExpoPortal.Proxy.csproj
COPY src/ src/
RUN dotnet publish src/ExpoPortal.Web/ExpoPortal.Web.csproj -c Release --no-restore -o /app \
 && dotnet publish src/ExpoPortal.Proxy/ExpoPortal.Proxy.csproj -c Release --no-restore -o /proxy

# The sticky reverse proxy of the `scale` profile (docker-compose.yml): docker build --target proxy .
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS proxy
WORKDIR /proxy
COPY --from=build /proxy .
USER $APP_UID
ENTRYPOINT ["dotnet", "ExpoPortal.Proxy.dll"]

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# curl serves the container health check.
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
# The data-protection certificate's volume (docker-compose.yml), writable by the app's user.
RUN mkdir -p /keys && chown "$APP_UID" /keys
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080
USER $APP_UID
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=5 CMD curl -fsS http://localhost:8080/alive || exit 1
ENTRYPOINT ["dotnet", "ExpoPortal.Web.dll"]
