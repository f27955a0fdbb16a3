#include "workspace/CredentialStore.h"

#include <qt6keychain/keychain.h>

namespace chorus::workspace {
namespace {

CredentialError toError(const QKeychain::Job &job)
{
    using C = CredentialError::Code;
    switch (job.error()) {
    case QKeychain::EntryNotFound:
        return {C::NotFound, job.errorString()};
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return {C::NoKeychain, job.errorString()};
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return {C::AccessDenied, job.errorString()};
    default:
        return {C::Failed, job.errorString()};
    }
}

} // namespace

CredentialStore::CredentialStore(QString service, QObject *parent)
    : QObject(parent), m_service(std::move(service))
{
}

Task<QString, CredentialError> CredentialStore::readPassword(const QString &accountJid)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setKey(accountJid);
    return run<QString>(job, [job] { return job->textData(); });
}

Task<Done, CredentialError> CredentialStore::writePassword(const QString &accountJid,
                                                           const QString &password)
{
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setKey(accountJid);
    job->setTextData(password);
    return run<Done>(job, [] { return Done{}; });
}

Task<Done, CredentialError> CredentialStore::removePassword(const QString &accountJid)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setKey(accountJid);
    return run<Done>(job, [] { return Done{}; }, /*missingIsOk=*/true);
}

template <typename T, typename OnSuccess>
Task<T, CredentialError> CredentialStore::run(QKeychain::Job *job, OnSuccess onSuccess,
                                              bool missingIsOk)
{
    Promise<T, CredentialError> promise;
    job->setAutoDelete(true);
    connect(job, &QKeychain::Job::finished, this, [promise, job, onSuccess, missingIsOk]() mutable {
        const bool ok = job->error() == QKeychain::NoError
                        || (missingIsOk && job->error() == QKeychain::EntryNotFound);
        if (ok)
            promise.finish(onSuccess());
        else
            promise.finish(toError(*job));
    });
    job->start();
    return promise.task();
}

} // namespace chorus::workspace
